package dev.llmrouter.gateway;

import dev.llmrouter.gateway.config.ConfigLoader;
import dev.llmrouter.gateway.config.GatewayConfig;
import dev.llmrouter.gateway.config.GatewayConfigException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar router-gateway.jar [--config gateway.json]}: loads the config ({@code --config} or
 * {@code GATEWAY_CONFIG}, optional) and the environment, starts the gateway and runs until stopped. A
 * configuration problem is printed as one line naming what to fix, with exit status 2.
 */
public final class GatewayMain {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayMain.class);

  private GatewayMain() {}

  /** Entry point. */
  public static void main(String[] args) throws InterruptedException {
    Gateway gateway;
    try {
      Optional<Path> file = configPath(args, System.getenv());
      GatewayConfig config = ConfigLoader.load(file, System.getenv(), LOG::info);
      gateway = Gateway.start(config, LOG::info);
    } catch (GatewayConfigException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    Gateway g = gateway;
    Runtime.getRuntime().addShutdownHook(new Thread(g::close, "gateway-shutdown"));
    g.join();
  }

  static Optional<Path> configPath(String[] args, Map<String, String> env) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--config")) {
        if (i + 1 >= args.length) {
          throw new GatewayConfigException("--config needs a file path");
        }
        return Optional.of(Path.of(args[i + 1]));
      }
      if (a.startsWith("--config=")) {
        return Optional.of(Path.of(a.substring("--config=".length())));
      }
      if (a.equals("--help") || a.equals("-h")) {
        throw new GatewayConfigException("usage: java -jar router-gateway.jar [--config gateway.json]; "
            + "environment: PORT, HOST, GATEWAY_AUTH_TOKENS, GATEWAY_ADMIN_TOKENS, provider keys "
            + "(OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY, AWS_REGION, ...)");
      }
      throw new GatewayConfigException("unknown argument '" + a + "' (usage: [--config gateway.json])");
    }
    String fromEnv = env.get("GATEWAY_CONFIG");
    return fromEnv == null || fromEnv.isBlank() ? Optional.empty() : Optional.of(Path.of(fromEnv.trim()));
  }
}
