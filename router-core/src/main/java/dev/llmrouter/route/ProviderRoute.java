package dev.llmrouter.route;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ModelSpec;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.provider.Provider;
import java.util.Objects;

/**
 * One way to serve a request: a registered provider alias with its provider and credentials, the catalog
 * entry to use, and the wire format to send. Route resolution returns these in preference order.
 */
public final class ProviderRoute {
  private final String providerAlias;
  private final Provider provider;
  private final AuthConfig auth;
  private final String modelName;
  private final ModelSpec spec;
  private final ProviderFormat format;

  public ProviderRoute(
      String providerAlias,
      Provider provider,
      AuthConfig auth,
      String modelName,
      ModelSpec spec,
      ProviderFormat format) {
    this.providerAlias = Objects.requireNonNull(providerAlias, "providerAlias");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.auth = Objects.requireNonNull(auth, "auth");
    this.modelName = Objects.requireNonNull(modelName, "modelName");
    this.spec = Objects.requireNonNull(spec, "spec");
    this.format = Objects.requireNonNull(format, "format");
  }

  /** The alias the provider was registered under. */
  public String providerAlias() {
    return providerAlias;
  }

  public Provider provider() {
    return provider;
  }

  /** The credentials registered with the alias ({@code toString()} is redacted). */
  public AuthConfig auth() {
    return auth;
  }

  /** The catalog key this route serves (an equivalent of the requested model on failover routes). */
  public String modelName() {
    return modelName;
  }

  /** The upstream model id ({@code spec().model()}). */
  public String model() {
    return spec.model();
  }

  public ModelSpec spec() {
    return spec;
  }

  /** The wire format chosen for this route (before the request-dependent Responses upgrade). */
  public ProviderFormat format() {
    return format;
  }

  @Override
  public String toString() {
    return "ProviderRoute{alias=" + providerAlias + ", model=" + spec.model() + ", format=" + format + "}";
  }
}
