package dev.llmrouter.providers.azure;

import dev.llmrouter.auth.AuthConfig;
import dev.llmrouter.auth.AuthType;
import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.AuthException;
import dev.llmrouter.error.InvalidRequestException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks shared by the two Azure providers. */
final class AzureSupport {
  /** Every kind that becomes request headers; SigV4 is Bedrock's alone. */
  static final Set<AuthType> ACCEPTED_AUTH =
      EnumSet.of(
          AuthType.API_KEY, AuthType.OAUTH, AuthType.AZURE_ENTRA, AuthType.CUSTOM, AuthType.REFRESHING_TOKEN);

  private AzureSupport() {}

  /**
   * Rejects credentials of a kind the provider cannot send, naming the kinds it accepts.
   *
   * @throws AuthException for a missing or unaccepted kind
   */
  static void checkAuth(String providerId, AuthConfig auth) {
    if (auth == null || !ACCEPTED_AUTH.contains(auth.type())) {
      throw new AuthException(
          "provider '" + providerId + "' does not accept auth of kind '"
              + (auth == null ? "none" : auth.type().id()) + "'; it accepts "
              + ACCEPTED_AUTH.stream().map(AuthType::id).collect(Collectors.joining(", ")));
    }
  }

  /** The error for a request in a format the provider has no endpoint for. */
  static InvalidRequestException unservedFormat(String providerId, ProviderFormat format, List<ProviderFormat> served) {
    return new InvalidRequestException(
        "provider '" + providerId + "' does not serve format '"
            + (format == null ? "null" : format.id()) + "'; it serves "
            + served.stream().map(ProviderFormat::id).collect(Collectors.joining(", ")));
  }
}
