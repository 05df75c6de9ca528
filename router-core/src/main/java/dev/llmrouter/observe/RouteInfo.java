package dev.llmrouter.observe;

import dev.llmrouter.catalog.ProviderFormat;
import java.util.Objects;

/** Where a call goes: the provider alias and id, the upstream model id and the wire format sent. */
public record RouteInfo(String providerAlias, String providerId, String model, ProviderFormat providerFormat) {

  /** Checks that no component is null. */
  public RouteInfo {
    Objects.requireNonNull(providerAlias, "providerAlias");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(providerFormat, "providerFormat");
  }
}
