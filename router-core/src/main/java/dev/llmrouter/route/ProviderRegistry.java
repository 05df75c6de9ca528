package dev.llmrouter.route;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.provider.Provider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registered providers of a router, by alias in registration order, and the default alias of each
 * format. Immutable once built; {@link #build} applies the Rust builder's validation (spec 1.3).
 */
public final class ProviderRegistry {

  /** One provider registration. */
  public record Registration(
      String alias, Provider provider, AuthConfig auth, Set<ProviderFormat> defaultFor) {
    public Registration {
      defaultFor = Set.copyOf(defaultFor);
    }
  }

  private final Map<String, Registration> byAlias;
  private final Map<ProviderFormat, String> formatDefaults;

  private ProviderRegistry(Map<String, Registration> byAlias, Map<ProviderFormat, String> defaults) {
    this.byAlias = byAlias;
    this.formatDefaults = defaults;
  }

  /**
   * Validates registrations and fills the format defaults: explicit defaults first; any format left
   * without one gets the first registered provider that {@link Provider#isBackupDefaultFor serves it}.
   *
   * @throws InvalidRequestException for a duplicate alias, or two explicit defaults for one format
   */
  public static ProviderRegistry build(List<Registration> registrations) {
    Map<String, Registration> byAlias = new LinkedHashMap<>();
    for (Registration r : registrations) {
      if (byAlias.putIfAbsent(r.alias(), r) != null) {
        throw new InvalidRequestException("provider alias already exists: " + r.alias());
      }
    }
    Map<ProviderFormat, String> defaults = new EnumMap<>(ProviderFormat.class);
    for (Registration r : registrations) {
      for (ProviderFormat f : ProviderFormat.values()) {
        if (!r.defaultFor().contains(f)) {
          continue;
        }
        String existing = defaults.putIfAbsent(f, r.alias());
        if (existing != null) {
          throw new InvalidRequestException(
              "format already has a default provider: " + f.id() + ": " + existing + ", " + r.alias());
        }
      }
    }
    for (ProviderFormat f : ProviderFormat.values()) {
      if (defaults.containsKey(f)) {
        continue;
      }
      for (Registration r : registrations) {
        if (r.provider().isBackupDefaultFor(f)) {
          defaults.put(f, r.alias());
          break;
        }
      }
    }
    return new ProviderRegistry(
        Collections.unmodifiableMap(byAlias), Collections.unmodifiableMap(defaults));
  }

  /** The registration under {@code alias}. */
  public Optional<Registration> get(String alias) {
    return Optional.ofNullable(byAlias.get(alias));
  }

  /** Whether {@code alias} is registered. */
  public boolean contains(String alias) {
    return byAlias.containsKey(alias);
  }

  /** Every registration, in registration order. */
  public List<Registration> registrations() {
    return new ArrayList<>(byAlias.values());
  }

  /** The default alias for a format, explicit or backup. */
  public Optional<String> defaultAlias(ProviderFormat format) {
    return Optional.ofNullable(formatDefaults.get(format));
  }

  /** The format-to-default-alias map. */
  public Map<ProviderFormat, String> formatDefaults() {
    return formatDefaults;
  }
}
