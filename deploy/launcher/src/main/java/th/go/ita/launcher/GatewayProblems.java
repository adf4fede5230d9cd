package th.go.ita.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * What the gateway answers itself, all as problem+json in Thai and English (the services' own
 * answers pass unchanged): a body over the service's limit (413, before any byte goes to the
 * service, which would close the connection mid-body and leave a bad gateway), a service that is
 * down (503), too slow (504) or breaks the connection (502), and an address or headers too long
 * for the gateway itself (414, 431).
 */
final class GatewayProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayProblems() {
    }

    /** A route handler refusing a declared length over {@code maxBodyBytes} with 413. */
    static Handler<RoutingContext> bodyLimit(long maxBodyBytes) {
        return ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBodyBytes) {
                // Closed after the answer: the rest of the body is not read.
                send(ctx.response().putHeader("Connection", "close"), 413, ctx.request().path());
            } else {
                ctx.next();
            }
        };
    }

    /** Vert.x' answer to a request it could not decode (line or headers too long, malformed), as problem+json. */
    static void invalidRequest(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        int status = cause instanceof TooLongHttpLineException ? 414 : cause instanceof TooLongHttpHeaderException ? 431 : 400;
        HttpServerResponse response = request.response().putHeader("Connection", "close");
        send(response, status, null).onComplete(done -> request.connection().close());
    }

    /**
     * Added first to each proxy, so it wraps the others: a request the service did not answer
     * becomes a problem+json 502/503/504 instead of the proxy's empty 502.
     */
    static final class Unanswered implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(failure -> {
                // Answered here, on the caller's response itself: the proxy's own answer to a failed
                // request is an empty 502, and a response built through it is never sent after a reset.
                int status = statusFor(failure);
                HttpServerResponse response = context.request().proxiedRequest().response();
                if (!response.headWritten()) {
                    if (status == 503) {
                        response.putHeader("Retry-After", "5");
                    }
                    send(response, status, context.request().proxiedRequest().path());
                }
                return Future.failedFuture(failure);
            });
        }
    }

    static int statusFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return 503;
            }
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return 504;
            }
            if (t instanceof HttpClosedException) {
                return 502;
            }
        }
        return 502;
    }

    private static Future<Void> send(HttpServerResponse response, int status, String instance) {
        return response.setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(problem(status, instance));
    }

    static String problem(int status, String instance) {
        String[] text = switch (status) {
            case 413 -> new String[]{"too-large", "ข้อมูลใหญ่เกินไป", "Payload too large",
                    "ข้อมูลที่ส่งมามีขนาดใหญ่เกินกำหนด", "The request is larger than allowed."};
            case 414 -> new String[]{"uri-too-long", "ที่อยู่ยาวเกินไป", "URI too long",
                    "ที่อยู่ยาวเกินกำหนด", "The address is longer than allowed."};
            case 431 -> new String[]{"headers-too-large", "ส่วนหัวของคำขอใหญ่เกินไป", "Request headers too large",
                    "ส่วนหัวของคำขอมีขนาดใหญ่เกินกำหนด", "The request headers are larger than allowed."};
            case 400 -> new String[]{"bad-request", "คำขอไม่ถูกต้อง", "Bad request",
                    "คำขอไม่ถูกต้อง กรุณาตรวจสอบข้อมูลที่ส่งมา", "The request is not valid. Please check what was sent."};
            case 503 -> new String[]{"unavailable", "ระบบไม่พร้อมให้บริการชั่วคราว", "Service unavailable",
                    "บริการนี้ยังไม่พร้อม (อาจกำลังเริ่มทำงาน) กรุณาลองใหม่อีกสักครู่",
                    "This service is not reachable right now (it may be starting). Please try again shortly."};
            case 504 -> new String[]{"gateway-timeout", "บริการตอบช้าเกินไป", "Gateway timeout",
                    "บริการไม่ตอบภายในเวลาที่กำหนด กรุณาลองใหม่อีกสักครู่",
                    "The service did not answer in time. Please try again shortly."};
            default -> new String[]{"bad-gateway", "เกตเวย์ขัดข้อง", "Bad gateway",
                    "การเชื่อมต่อกับบริการขาดกลางคัน กรุณาลองใหม่อีกครั้ง",
                    "The connection to the service broke off. Please try again."};
        };
        ObjectNode problem = JSON.createObjectNode()
                .put("type", "urn:ita:problem:" + text[0])
                .put("title", text[1])
                .put("status", status)
                .put("detail", text[3])
                .put("detail_th", text[3])
                .put("detail_en", text[4])
                .put("title_en", text[2]);
        if (instance != null) {
            problem.put("instance", instance.length() > 200 ? instance.substring(0, 200) : instance);
        }
        return problem.toString();
    }
}
