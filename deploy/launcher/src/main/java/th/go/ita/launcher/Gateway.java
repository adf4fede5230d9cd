package th.go.ita.launcher;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The single origin the browser talks to: {@code /api/<service>/...} goes to that service's root
 * (prefix removed, so {@code /api/survey/q/health/ready} is survey-service's readiness),
 * {@code /env.js} gives the SPA its runtime settings, and everything else is the built SPA, with
 * unknown paths answered by {@code index.html} so client-side routes survive a reload.
 * {@code /oit/...} (public disclosure pages) goes to evidence-service as it is.
 *
 * <p>What the gateway answers itself (a body over a service's limit, a service down or breaking
 * the connection, an address too long) is problem+json in Thai and English ({@link GatewayProblems}).
 *
 * <p>Every answer carries the {@link SecurityHeaders}, and the services' management paths under
 * {@code /q/} other than OpenAPI and health (metrics, Swagger UI, dev UI) are answered 404 here
 * unless the operator exposes them (ITA_EXPOSE_MANAGEMENT=true); on their own ports they stay as
 * they are.
 */
public final class Gateway implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer server;

    private Gateway(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    public static Gateway start(int port, Path spaDist, List<LauncherConfig.ServiceSpec> services, String envJs,
                                String keycloakUrl, boolean exposeManagement) throws Exception {
        if (!Files.isRegularFile(spaDist.resolve("index.html"))) {
            throw new IllegalStateException("The frontend is not built (" + spaDist.resolve("index.html")
                    + " is missing): run `./ita build`");
        }
        Vertx vertx = Vertx.vertx();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(64));
        Router router = Router.router(vertx);
        // Added just before the headers go out, so static files, index.html, env.js, proxied answers
        // and errors all carry them. The path is the normalised one, as routing sees it.
        router.route().handler(ctx -> {
            String path = ctx.normalizedPath();
            boolean tls = ctx.request().isSSL();
            ctx.addHeadersEndHandler(v -> {
                SecurityHeaders.forResponse(path, keycloakUrl, tls).forEach((name, value) -> ctx.response().putHeader(name, value));
                Compression.decide(ctx.response().headers());
                if (path.startsWith("/assets/") && ctx.response().getStatusCode() == 200) {
                    // Vite names every built asset by its content hash: a phone keeps it until the name changes.
                    ctx.response().putHeader("Cache-Control", "public, max-age=31536000, immutable");
                }
            });
            ctx.next();
        });
        for (LauncherConfig.ServiceSpec service : services) {
            if (!exposeManagement) {
                String prefix = service.gatewayPrefix();
                router.route(prefix + "/*").handler(ctx -> {
                    if (SecurityHeaders.isInternal(ctx.normalizedPath().substring(prefix.length()))) {
                        ctx.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                                .end(SecurityHeaders.notExposedProblem());
                    } else {
                        ctx.next();
                    }
                });
            }
            router.route(service.gatewayPrefix() + "/*").handler(GatewayProblems.bodyLimit(service.maxBodyBytes()));
            HttpProxy proxy = HttpProxy.reverseProxy(client).origin(service.port(), "localhost");
            proxy.addInterceptor(new GatewayProblems.Unanswered());
            proxy.addInterceptor(new ClientAddress());
            proxy.addInterceptor(ProxyInterceptor.builder().removingPathPrefix(service.gatewayPrefix()).build());
            router.route(service.gatewayPrefix() + "/*").handler(ProxyHandler.create(proxy));
        }
        // Public OIT disclosure pages live at permanent addresses offices link to: passed unchanged.
        services.stream().filter(s -> s.database().equals("evidence")).findFirst().ifPresent(evidence -> {
            HttpProxy oit = HttpProxy.reverseProxy(client).origin(evidence.port(), "localhost");
            oit.addInterceptor(new GatewayProblems.Unanswered());
            oit.addInterceptor(new ClientAddress());
            router.route("/oit/*").handler(ProxyHandler.create(oit));
        });
        router.get("/env.js").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/javascript; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(envJs));
        String root = spaDist.toAbsolutePath().toString();
        PrecompressedAssets precompressed = PrecompressedAssets.of(spaDist);
        router.route("/assets/*").handler(precompressed);
        router.get("/early.js").handler(precompressed);
        router.route().handler(StaticHandler.create(FileSystemAccess.ROOT, root).setIndexPage("index.html"));
        router.route().handler(ctx -> {
            boolean pageRequest = ctx.request().method() == HttpMethod.GET
                    && !ctx.normalizedPath().startsWith("/api/");
            if (pageRequest) {
                ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                        .putHeader("Cache-Control", "no-cache")
                        .sendFile(root + "/index.html");
            } else {
                ctx.next();
            }
        });
        // As far up as the services' own decoders (platform/problem), so their problem+json 414 and
        // 431 come through; past that the gateway answers problem+json itself.
        HttpServerOptions options = Compression.serverOptions().setMaxInitialLineLength(65536).setMaxHeaderSize(65536);
        HttpServer server = vertx.createHttpServer(options).requestHandler(router)
                .invalidRequestHandler(GatewayProblems::invalidRequest)
                .listen(port, "localhost").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return new Gateway(vertx, server);
    }

    public int port() {
        return server.actualPort();
    }

    /**
     * Tells the services who is really calling (survey-service rate-limits anonymous respondents by
     * address, in memory only): X-Forwarded-For is replaced, never appended to, so a client cannot
     * forge it; the services trust it only from this gateway on loopback. Nothing is logged here.
     */
    static final class ClientAddress implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            SocketAddress caller = request.proxiedRequest().remoteAddress();
            request.headers().remove("Forwarded");
            request.headers().set("X-Forwarded-For", caller == null ? "unknown" : caller.hostAddress());
            return context.sendRequest();
        }
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway: nothing else holds the port
        }
    }
}
