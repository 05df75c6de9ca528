package dev.llmrouter.conformance;

import dev.llmrouter.json.JsonArray;
import dev.llmrouter.json.JsonObject;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.json.JsonValue;
import java.util.Set;
import java.util.TreeSet;

/** Names the first difference between two JSON values under canonical equality, with its path. */
final class JsonDiff {
  private JsonDiff() {}

  static String describe(JsonValue produced, JsonValue expected) {
    String where = first(produced, expected, "$");
    return where == null ? "values differ" : where;
  }

  private static String first(JsonValue a, JsonValue b, String path) {
    if (JsonTree.canonicalEquals(a, b)) {
      return null;
    }
    if (a instanceof JsonObject x && b instanceof JsonObject y) {
      Set<String> keys = new TreeSet<>(x.keys());
      keys.addAll(y.keys());
      for (String k : keys) {
        if (!x.has(k)) {
          return path + "." + k + ": missing, expected " + clip(y.getOrNull(k));
        }
        if (!y.has(k)) {
          return path + "." + k + ": unexpected " + clip(x.getOrNull(k));
        }
        String d = first(x.getOrNull(k), y.getOrNull(k), path + "." + k);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (a instanceof JsonArray x && b instanceof JsonArray y) {
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        String d = first(x.get(i), y.get(i), path + "[" + i + "]");
        if (d != null) {
          return d;
        }
      }
      return path + ": array length " + x.size() + ", expected " + y.size();
    }
    return path + ": got " + clip(a) + ", expected " + clip(b);
  }

  private static String clip(JsonValue v) {
    String s = JsonTree.writeString(v);
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
