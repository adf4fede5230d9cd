package th.go.ita.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.go.ita.embedded.PortCheck;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherConfigTest {

    @TempDir
    Path root;

    @Test
    void defaultsAreTheDocumentedPortsAndDataFolder() {
        LauncherConfig config = LauncherConfig.from(root, List.of(), name -> null);
        assertEquals(8080, config.gatewayPort());
        assertEquals(8180, config.keycloakPort());
        assertEquals(15432, config.postgresPort());
        assertEquals(19092, config.kafkaPort());
        assertEquals(List.of(8081, 8082, 8083, 8084), config.services().stream().map(LauncherConfig.ServiceSpec::port).toList());
        assertEquals(root.resolve(".ita-data").toAbsolutePath(), config.dataDir());
        assertFalse(config.reset());
        assertTrue(config.demoData());
        assertFalse(config.exposeManagement());
        assertEquals("/api/survey", config.services().get(0).gatewayPrefix());
    }

    @Test
    void environmentOverridesPortsDataFolderAndReset() {
        Map<String, String> env = Map.of("ITA_PORT", "18080", "ITA_DATA_DIR", root.resolve("elsewhere").toString(),
                "ITA_SCORING_PORT", "18082", "ITA_DEMO_DATA", "false", "ITA_EXPOSE_MANAGEMENT", "true");
        LauncherConfig config = LauncherConfig.from(root, List.of("--reset"), env::get);
        assertEquals(18080, config.gatewayPort());
        assertEquals("http://localhost:18080", config.gatewayUrl());
        assertEquals(18082, config.services().get(1).port());
        assertEquals(root.resolve("elsewhere"), config.dataDir());
        assertTrue(config.reset());
        assertFalse(config.demoData());
        assertTrue(config.exposeManagement());
    }

    @Test
    void aPortThatIsNotANumberIsNamedInTheError() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> LauncherConfig.from(root, List.of(), Map.of("ITA_KEYCLOAK_PORT", "81x0")::get));
        assertTrue(e.getMessage().contains("ITA_KEYCLOAK_PORT") && e.getMessage().contains("81x0"), e.getMessage());
    }

    @Test
    void aGatewayPortInUseStopsTheStartBeforeAnythingRunsAndNamesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> env = Map.of("ITA_PORT", String.valueOf(taken.getLocalPort()),
                    "ITA_DATA_DIR", root.resolve("data").toString(),
                    "ITA_POSTGRES_PORT", String.valueOf(PortCheck.freePort()));
            LauncherConfig config = LauncherConfig.from(root, List.of(), env::get);
            var e = assertThrows(PortCheck.PortInUseException.class, () -> LocalStack.start(config, line -> { }));
            assertTrue(e.getMessage().contains("gateway (ITA_PORT)") && e.getMessage().contains(String.valueOf(taken.getLocalPort())),
                    e.getMessage());
            assertFalse(root.resolve("data/postgres").toFile().exists(), "nothing was started");
        }
    }
}
