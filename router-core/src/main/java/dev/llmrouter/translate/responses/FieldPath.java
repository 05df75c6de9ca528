package dev.llmrouter.translate.responses;

/**
 * Where a value sits in a request or response ({@code input[2].content[0].text}), for error messages. It
 * is spelled out only when an error names it, so reading well-formed items builds no path strings.
 */
final class FieldPath {
  private final FieldPath parent;
  private final String name;
  private final int index;

  private FieldPath(FieldPath parent, String name, int index) {
    this.parent = parent;
    this.name = name;
    this.index = index;
  }

  /** A top-level field. */
  static FieldPath of(String name) {
    return new FieldPath(null, name, -1);
  }

  /** Element {@code i} of a top-level array field ({@code name[i]}). */
  static FieldPath index(String name, int i) {
    return new FieldPath(of(name), null, i);
  }

  /** A member of this value ({@code this.name}; the name may itself be dotted). */
  FieldPath dot(String member) {
    return new FieldPath(this, member, -1);
  }

  /** Element {@code i} of this array ({@code this[i]}). */
  FieldPath at(int i) {
    return new FieldPath(this, null, i);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    append(sb);
    return sb.toString();
  }

  private void append(StringBuilder sb) {
    if (parent != null) {
      parent.append(sb);
    }
    if (name != null) {
      if (parent != null) {
        sb.append('.');
      }
      sb.append(name);
    } else {
      sb.append('[').append(index).append(']');
    }
  }
}
