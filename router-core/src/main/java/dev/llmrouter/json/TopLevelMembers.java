package dev.llmrouter.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One pass over a JSON body that records where selected top-level members are, skipping everything else
 * without materializing it. The scan validates the whole document.
 */
public final class TopLevelMembers {
  private final int objectStart;
  private final boolean empty;
  private final List<MemberSpan> members;

  private TopLevelMembers(int objectStart, boolean empty, List<MemberSpan> members) {
    this.objectStart = objectStart;
    this.empty = empty;
    this.members = members;
  }

  /**
   * Scans {@code body}; empty when it is valid JSON but not an object.
   *
   * @throws JsonProcessingException if it is not valid JSON
   */
  public static Optional<TopLevelMembers> scan(byte[] body, Set<String> names)
      throws JsonProcessingException {
    try (JsonParser p = Json.parser(body)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        if (first == null) {
          return Optional.empty();
        }
        p.skipChildren();
        requireEnd(p);
        return Optional.empty();
      }
      int objectStart = (int) p.currentTokenLocation().getByteOffset();
      List<MemberSpan> found = new ArrayList<>(names.size());
      boolean empty = true;
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        empty = false;
        String name = p.currentName();
        int keyStart = (int) p.currentTokenLocation().getByteOffset();
        JsonToken value = p.nextToken();
        int valueStart = (int) p.currentTokenLocation().getByteOffset();
        finishValue(p, value);
        if (names.contains(name)) {
          found.add(new MemberSpan(name, keyStart, valueStart, (int) p.currentLocation().getByteOffset(), value));
        }
      }
      requireEnd(p);
      return Optional.of(new TopLevelMembers(objectStart, empty, List.copyOf(found)));
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Moves the parser past the value whose first token is current, so that {@code currentLocation()} is
   * one past its last byte (strings are read to their closing quote, containers skipped).
   */
  public static void finishValue(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
      p.skipChildren();
    } else if (value == JsonToken.VALUE_STRING) {
      p.finishToken();
    }
  }

  /** Fails unless the document ends after the root value. */
  public static void requireEnd(JsonParser p) throws IOException {
    JsonToken trailing = p.nextToken();
    if (trailing != null) {
      throw new com.fasterxml.jackson.core.JsonParseException(
          p, "unexpected content after the top-level value: " + trailing);
    }
  }

  /** Offset of the top-level '{'. */
  public int objectStart() {
    return objectStart;
  }

  /** Whether the object has no members. */
  public boolean isEmpty() {
    return empty;
  }

  /** The recorded members in document order (duplicates included). */
  public List<MemberSpan> members() {
    return members;
  }

  /** The last occurrence of {@code name} (what most JSON readers keep). */
  public Optional<MemberSpan> get(String name) {
    for (int i = members.size() - 1; i >= 0; i--) {
      if (members.get(i).name().equals(name)) {
        return Optional.of(members.get(i));
      }
    }
    return Optional.empty();
  }
}
