package th.go.ita.scoring.user;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import th.go.ita.scoring.TestKeycloak;
import th.go.ita.scoring.demo.DemoDataLoader;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invitations by e-mail (the one extra Quarkus boot of this module: {@code invitation-email=true}).
 * Without SMTP on the realm nothing is created; with a mail server the user gets Keycloak's
 * set-your-password e-mail and the inviter sees no password.
 */
@QuarkusTest
@TestProfile(InvitationEmailTest.ByEmail.class)
class InvitationEmailTest {

    public static class ByEmail implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ita.keycloak-admin.invitation-email", "true");
        }
    }

    @Inject
    DemoDataLoader demo;

    @Inject
    KeycloakUsers keycloak;

    @BeforeEach
    void stack() throws Exception {
        demo.load();
        TestKeycloak.start();
    }

    @Test
    @TestSecurity(user = "area.kalasin2", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void withoutAMailServerNoAccountIsLeftBehind() {
        String username = "m-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/json").body(UserInvitationTest.invitation(username, "evidence-editor"))
                .when().post("/units/KALASIN2-S001/users").then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ita:problem:invitation-email-failed"))
                .body("detail_th", equalTo("ส่งอีเมลเชิญถึง " + username
                        + " ไม่สำเร็จ ระบบจึงยังไม่ได้สร้างบัญชี กรุณาตรวจสอบการตั้งค่าอีเมลของระบบบัญชีผู้ใช้แล้วลองใหม่"));
        assertTrue(keycloak.users().searchByUsername(username, true).isEmpty());
    }

    @Test
    @TestSecurity(user = "area.kalasin2", roles = "area-admin")
    @OidcSecurity(claims = @Claim(key = "unit_code", value = "KALASIN2"))
    void withAMailServerTheUserGetsALinkAndTheInviterNoPassword() throws Exception {
        try (MailCatcher mail = new MailCatcher()) {
            realmSmtp(Map.of("host", "localhost", "port", String.valueOf(mail.port()), "from", "ita@test.ita.local"));
            try {
                String username = "m-" + UUID.randomUUID().toString().substring(0, 8);
                given().contentType("application/json").body(UserInvitationTest.invitation(username, "activity-editor"))
                        .when().post("/units/KALASIN2-S001/users").then().statusCode(201)
                        .body("emailSent", equalTo(true))
                        .body("temporaryPassword", nullValue())
                        .body("user.pendingActions", hasItem("UPDATE_PASSWORD"));
                await().atMost(20, TimeUnit.SECONDS).until(() -> !mail.messages.isEmpty());
                String message = mail.messages.get(0);
                assertTrue(message.contains("RCPT TO:<" + username + "@test.ita.local>"), message);
                assertTrue(message.contains("login-actions/action-token") || message.contains("action-token"), message);
            } finally {
                realmSmtp(Map.of());
            }
        }
    }

    /** Sets the realm's SMTP settings as Keycloak's own administrator would (the service account may not). */
    private static void realmSmtp(Map<String, String> smtp) {
        String token = given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .when().post(TestKeycloak.baseUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("smtpServer", smtp))
                .when().put(TestKeycloak.baseUrl() + "/admin/realms/" + TestKeycloak.REALM)
                .then().statusCode(204);
    }

    /** The least of an SMTP server: accepts every message and keeps the whole conversation. */
    static final class MailCatcher implements AutoCloseable {
        final List<String> messages = new CopyOnWriteArrayList<>();
        private final ServerSocket server;
        private final Thread thread;

        MailCatcher() throws Exception {
            server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            thread = new Thread(this::serve, "mail-catcher");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                    OutputStream out = socket.getOutputStream();
                    StringBuilder conversation = new StringBuilder();
                    reply(out, "220 mail-catcher");
                    String line;
                    boolean data = false;
                    while ((line = in.readLine()) != null) {
                        conversation.append(line).append('\n');
                        if (data) {
                            if (line.equals(".")) {
                                data = false;
                                messages.add(conversation.toString());
                                reply(out, "250 queued");
                            }
                            continue;
                        }
                        String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                        switch (command) {
                            case "DATA" -> {
                                data = true;
                                reply(out, "354 go ahead");
                            }
                            case "QUIT" -> {
                                reply(out, "221 bye");
                                break;
                            }
                            default -> reply(out, "250 ok");
                        }
                        if (command.equals("QUIT")) {
                            break;
                        }
                    }
                } catch (Exception closedOrBroken) {
                    // the next accept() decides
                }
            }
        }

        private static void reply(OutputStream out, String text) throws Exception {
            out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }
}
