package dev.llmrouter.gateway.metrics;

import java.util.Objects;

/** The label set of one series: endpoint, provider and model (model names are bounded by the catalog). */
record Labels(String endpoint, String provider, String model) {

  Labels {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
  }

  /** {@code endpoint="...",provider="...",model="..."} with Prometheus escaping. */
  String render() {
    return "endpoint=\"" + escape(endpoint) + "\",provider=\"" + escape(provider) + "\",model=\""
        + escape(model) + "\"";
  }

  static String escape(String v) {
    StringBuilder sb = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\') {
        sb.append("\\\\");
      } else if (c == '"') {
        sb.append("\\\"");
      } else if (c == '\n') {
        sb.append("\\n");
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
