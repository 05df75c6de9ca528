package dev.llmrouter.providers.auth.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.auth.AuthType;
import dev.llmrouter.catalog.ModelFlavor;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.provider.ProviderRequest;
import dev.llmrouter.providers.Loopback;
import dev.llmrouter.providers.azure.AzureConfig;
import dev.llmrouter.providers.azure.AzureProvider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The azure-identity factories: the client-secret credential against a local HTTPS Entra authority (a
 * MockWebServer with a throw-away certificate made by the JDK's keytool; azure-identity's MSAL accepts only
 * https authorities), credentials that need no network to build, and the behaviour when azure-identity is
 * not on the classpath (a class loader that hides it).
 */
@Timeout(60)
class AzureEntraAuthTest {
  private static final String STORE_PASSWORD = "changeit";
  private static SSLContext serverTls;
  private static SSLContext clientTls;

  private MockWebServer authority;
  private final List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
  private final BlockingQueue<MockResponse> tokenReplies = new LinkedBlockingQueue<>();

  @BeforeAll
  static void makeCertificate(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("authority.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process p =
        new ProcessBuilder(
                keytool, "-genkeypair", "-alias", "authority", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("keytool: %s", output).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, STORE_PASSWORD.toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, STORE_PASSWORD.toCharArray());
    serverTls = SSLContext.getInstance("TLS");
    serverTls.init(kmf.getKeyManagers(), null, null);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    clientTls = SSLContext.getInstance("TLS");
    clientTls.init(null, tmf.getTrustManagers(), null);
  }

  @BeforeEach
  void startAuthority() throws IOException {
    authority = new MockWebServer();
    authority.useHttps(serverTls.getSocketFactory());
    authority.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            seen.add(request);
            MockResponse reply = tokenReplies.poll();
            if (request.getUrl().encodedPath().equals("/tenant-1/oauth2/v2.0/token") && reply != null) {
              return reply;
            }
            return new MockResponse.Builder().code(404).body("{}").build();
          }
        });
    authority.start(Loopback.address(), 0);
  }

  @AfterEach
  void stopAuthority() {
    authority.close();
  }

  private AzureIdentityOptions localAuthority() {
    return AzureIdentityOptions.builder()
        .authorityHost("https://127.0.0.1:" + authority.getPort())
        .disableInstanceDiscovery(true)
        .sslContext(clientTls)
        .build();
  }

  @Test
  void clientSecretGetsItsTokenThroughAzureIdentityAndCachesIt() {
    tokenReplies.add(tokenReply("identity-token-1"));
    assertThat(AzureEntraAuth.azureIdentityAvailable()).isTrue();
    AuthConfig.RefreshingToken auth =
        AzureEntraAuth.clientSecret("tenant-1", "client-1", "secret-VALUE-1", localAuthority());

    assertThat(auth.type()).isEqualTo(AuthType.REFRESHING_TOKEN);
    assertThat(auth.currentToken().value()).isEqualTo("identity-token-1");
    assertThat(auth.currentToken().expiresAt()).isPresent();
    assertThat(auth.currentToken().value()).isEqualTo("identity-token-1");

    assertThat(seen).hasSize(1);
    RecordedRequest r = seen.get(0);
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/tenant-1/oauth2/v2.0/token");
    Map<String, String> form = form(r);
    assertThat(form)
        .containsEntry("grant_type", "client_credentials")
        .containsEntry("client_id", "client-1")
        .containsEntry("client_secret", "secret-VALUE-1");
    // MSAL adds its OpenID scopes to the one asked for.
    assertThat(form.get("scope").split(" ")).contains(AzureEntraAuth.DEFAULT_SCOPE);
    assertThat(auth.toString()).contains("tenant-1").contains("client-1").doesNotContain("secret-VALUE-1");
  }

  @Test
  void aRejectedTokenMakesAzureIdentityFetchAFreshOneInsteadOfItsCachedOne() {
    tokenReplies.add(tokenReply("identity-token-1"));
    tokenReplies.add(tokenReply("identity-token-2"));
    AuthConfig.RefreshingToken auth =
        AzureEntraAuth.clientSecret("tenant-1", "client-1", "secret-VALUE-1", localAuthority());
    assertThat(auth.currentToken().value()).isEqualTo("identity-token-1");
    auth.provider().invalidate("some-other-token");
    assertThat(auth.currentToken().value()).isEqualTo("identity-token-1");
    assertThat(seen).hasSize(1);
    auth.provider().invalidate("identity-token-1");
    assertThat(auth.currentToken().value()).isEqualTo("identity-token-2");
    assertThat(seen).hasSize(2);
  }

  @Test
  void anAzureOpenAi401RenewsTheAzureIdentityTokenAndRetriesOnce() throws Exception {
    tokenReplies.add(tokenReply("identity-token-1"));
    tokenReplies.add(tokenReply("identity-token-2"));
    try (MockWebServer azure = Loopback.startServer()) {
      azure.enqueue(new MockResponse.Builder().code(401).body("{\"error\":{\"code\":\"401\"}}").build());
      azure.enqueue(new MockResponse.Builder().code(200).body("{\"id\":\"chatcmpl-1\"}").build());
      AzureProvider provider =
          new AzureProvider(AzureConfig.builder().endpoint(azure.url("/").toString()).build());
      ProviderRequest request =
          ProviderRequest.builder()
              .payload("{\"messages\":[]}".getBytes(StandardCharsets.UTF_8))
              .format(ProviderFormat.OPENAI)
              .spec(ModelSpec.builder("gpt-4o", ProviderFormat.OPENAI, ModelFlavor.CHAT).build())
              .auth(AzureEntraAuth.clientSecret("tenant-1", "client-1", "secret-VALUE-1", localAuthority()))
              .build();

      byte[] body = provider.complete(request);

      assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"chatcmpl-1\"}");
      assertThat(azure.takeRequest().getHeaders().get("authorization")).isEqualTo("Bearer identity-token-1");
      assertThat(azure.takeRequest().getHeaders().get("authorization")).isEqualTo("Bearer identity-token-2");
      assertThat(seen).hasSize(2);
    }
  }

  private static MockResponse tokenReply(String token) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("content-type", "application/json")
        .body("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\""
            + token + "\"}")
        .build();
  }

  @Test
  void aCustomScopeIsRequested() {
    tokenReplies.add(tokenReply("scoped"));
    AzureIdentityOptions options = AzureIdentityOptions.builder()
        .authorityHost("https://127.0.0.1:" + authority.getPort())
        .disableInstanceDiscovery(true)
        .sslContext(clientTls)
        .scope("api://my-gateway/.default")
        .build();
    assertThat(AzureEntraAuth.clientSecret("tenant-1", "client-1", "s", options).currentToken().value())
        .isEqualTo("scoped");
    assertThat(form(seen.get(0)).get("scope").split(" "))
        .contains("api://my-gateway/.default")
        .doesNotContain(AzureEntraAuth.DEFAULT_SCOPE);
  }

  @Test
  void aRefusedSecretIsAnAuthErrorWithTheEntraDescriptionAndWithoutTheSecret() {
    tokenReplies.add(
        new MockResponse.Builder()
            .code(401)
            .setHeader("content-type", "application/json")
            .body("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret "
                + "provided.\",\"error_codes\":[7000215]}")
            .build());
    AuthConfig.RefreshingToken auth =
        AzureEntraAuth.clientSecret("tenant-1", "client-1", "wrong-SECRET-2", localAuthority());
    assertThatThrownBy(auth::currentToken)
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("AADSTS7000215")
        .hasMessageContaining("tenant-1")
        .hasMessageNotContaining("wrong-SECRET-2");
  }

  @Test
  void managedIdentityAndTheDefaultChainAreBuiltWithoutNetwork() {
    // Building must not contact anything; fetching would (IMDS, Azure CLI, ...), so it is not done here.
    AuthConfig.RefreshingToken system = AzureEntraAuth.managedIdentity();
    AuthConfig.RefreshingToken user = AzureEntraAuth.managedIdentity("mi-client-7");
    AuthConfig.RefreshingToken chain = AzureEntraAuth.defaultCredential();
    assertThat(system.toString()).contains("system-assigned").contains(AzureEntraAuth.DEFAULT_SCOPE);
    assertThat(user.toString()).contains("mi-client-7");
    assertThat(chain.toString()).contains("DefaultAzureCredential");
    assertThat(seen).isEmpty();
  }

  @Test
  void missingValuesAreRejectedBeforeAzureIdentityIsTouched() {
    assertThatThrownBy(() -> AzureEntraAuth.clientSecret(" ", "c", "s"))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("tenant id");
    assertThatThrownBy(() -> AzureEntraAuth.clientSecret("t", "c", ""))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("client secret");
    assertThatThrownBy(() -> AzureEntraAuth.managedIdentity(""))
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("managed identity client id");
    assertThatThrownBy(() -> AzureIdentityOptions.builder().scope("").build())
        .isInstanceOf(AuthException.class)
        .hasMessageContaining("scope");
  }

  @Test
  void withoutAzureIdentityTheFactoriesSayWhatToAddAndTheRestStillWorks() throws Exception {
    ClassLoader hiding = new HidingLoader(getClass().getClassLoader());
    Class<?> auth = Class.forName(AzureEntraAuth.class.getName(), true, hiding);
    assertThat(auth.getClassLoader()).isSameAs(hiding);
    // No public signature names an Azure type, so reflection over the class works without azure-identity.
    assertThat(auth.getMethods()).isNotEmpty();
    assertThat(auth.getMethod("azureIdentityAvailable").invoke(null)).isEqualTo(false);

    for (Method factory :
        new Method[] {
          auth.getMethod("clientSecret", String.class, String.class, String.class),
          auth.getMethod("managedIdentity"),
          auth.getMethod("defaultCredential")
        }) {
      Object[] args = factory.getParameterCount() == 3 ? new Object[] {"t", "c", "s"} : new Object[0];
      assertThatThrownBy(() -> invoke(factory, args))
          .isInstanceOf(AuthException.class)
          .hasMessageContaining("com.azure:azure-identity")
          .hasMessageContaining("azure-core-http-netty")
          .hasMessageContaining("com.azure:azure-core-http-jdk-httpclient");
    }

    // The dependency-free client-credentials path loads and works in the same class loader.
    Class<?> credentials = Class.forName(AzureEntraCredentials.class.getName(), true, hiding);
    Object creds =
        credentials
            .getMethod("fromJson", String.class)
            .invoke(null, "{\"tenant_id\":\"t\",\"client_id\":\"c\",\"client_secret\":\"s\"}");
    Object refreshing = auth.getMethod("clientCredentials", credentials).invoke(null, creds);
    assertThat(refreshing).isInstanceOf(AuthConfig.RefreshingToken.class);
  }

  /** The decoded parameters of a form body. */
  static Map<String, String> form(RecordedRequest r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : r.getBody().utf8().split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static Object invoke(Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /**
   * Hides azure-identity, azure-core and MSAL, and defines this package's classes itself (so they link
   * against what it shows); everything else comes from the parent.
   */
  private static final class HidingLoader extends ClassLoader {
    private static final String OWN_PACKAGE = AzureEntraAuth.class.getPackageName() + ".";

    HidingLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (name.startsWith("com.azure.") || name.startsWith("com.microsoft.aad.")) {
          throw new ClassNotFoundException(name + " (hidden by the test)");
        }
        if (!name.startsWith(OWN_PACKAGE)) {
          return super.loadClass(name, resolve);
        }
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          String resource = name.replace('.', '/') + ".class";
          try (InputStream in = getParent().getResourceAsStream(resource)) {
            if (in == null) {
              throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            c = defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }
}
