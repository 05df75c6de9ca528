package dev.llmrouter.providers.prompt;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.error.TransportException;
import dev.llmrouter.json.JsonSyntaxException;
import dev.llmrouter.json.JsonTree;
import dev.llmrouter.prompt.Prompt;
import dev.llmrouter.prompt.PromptIds;
import dev.llmrouter.prompt.PromptNotFoundException;
import dev.llmrouter.prompt.PromptRef;
import dev.llmrouter.prompt.PromptSource;
import dev.llmrouter.prompt.PromptTemplateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link PromptSource} over a directory of prompt files: {@code <id>.prompt} (dotprompt, see
 * {@link Dotprompt}) or {@code <id>.json} (see {@link PromptJsonFiles}).
 *
 * <ul>
 *   <li>Versions: {@code <id>.v<N>.prompt} (or {@code .json}) is version N. A pinned version reads that file;
 *       otherwise {@code <id>.prompt} when it exists, else the highest N.
 *   <li>Environments: a lookup in environment {@code E} reads from the subdirectory {@code E/} only (no fallback
 *       to the top level).
 *   <li>Safety: ids, versions and environments are validated ({@link PromptIds}: no separators, no
 *       {@code ..}), the resolved file must lie inside the directory after following links, and files over
 *       {@link #DEFAULT_MAX_FILE_BYTES} (configurable) are refused with a client error. Both {@code .prompt}
 *       and {@code .json} for one id is an error, not a guess.
 * </ul>
 *
 * <p>Files are read on every lookup (wrap in {@link dev.llmrouter.prompt.CachingPromptSource} to cache).
 */
public final class DirectoryPromptSource implements PromptSource {
  /** The default size limit of one prompt file. */
  public static final long DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

  private static final List<String> EXTENSIONS = List.of(".prompt", ".json");

  private final Path root;
  private final long maxFileBytes;

  private DirectoryPromptSource(Path root, long maxFileBytes) {
    Objects.requireNonNull(root, "root");
    if (!Files.isDirectory(root)) {
      throw new InvalidRequestException("prompt directory " + root + " does not exist or is not a directory");
    }
    if (maxFileBytes < 1) {
      throw new InvalidRequestException("prompt file size limit must be positive, got " + maxFileBytes);
    }
    try {
      this.root = root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.maxFileBytes = maxFileBytes;
  }

  /** A source over {@code directory} with the default file size limit. */
  public static DirectoryPromptSource of(Path directory) {
    return new DirectoryPromptSource(directory, DEFAULT_MAX_FILE_BYTES);
  }

  /** A source over {@code directory} refusing files larger than {@code maxFileBytes}. */
  public static DirectoryPromptSource of(Path directory, long maxFileBytes) {
    return new DirectoryPromptSource(directory, maxFileBytes);
  }

  @Override
  public Prompt load(PromptRef ref) {
    Path dir = root;
    if (ref.environment().isPresent()) {
      dir = inside(root.resolve(PromptIds.require("prompt environment", ref.environment().get())));
      if (!Files.isDirectory(dir)) {
        throw new PromptNotFoundException(ref, "no environment directory '" + ref.environment().get() + "'");
      }
    }
    String id = PromptIds.require("prompt id", ref.id());
    Path file;
    String version;
    if (ref.version().isPresent()) {
      version = ref.version().get();
      file = single(dir, id + ".v" + version, ref);
    } else {
      file = single(dir, id, ref);
      version = null;
      if (file == null) {
        Latest latest = latestVersion(dir, id);
        if (latest != null) {
          file = single(dir, id + ".v" + latest.version, ref);
          version = Integer.toString(latest.version);
        }
      }
    }
    if (file == null) {
      throw new PromptNotFoundException(ref, "no " + id + ".prompt or " + id + ".json in the prompt directory");
    }
    Prompt prompt = read(file, id);
    Prompt.Builder b = prompt.toBuilder();
    if (version != null) {
      b.version(version);
    }
    ref.environment().ifPresent(b::environment);
    return b.build();
  }

  /** The one file named {@code base} plus an extension; null when there is none. */
  private Path single(Path dir, String base, PromptRef ref) {
    Path found = null;
    for (String ext : EXTENSIONS) {
      Path p = inside(dir.resolve(base + ext));
      if (Files.isRegularFile(p)) {
        if (found != null) {
          throw new PromptTemplateException(
              "ambiguous " + ref + ": both " + base + ".prompt and " + base + ".json exist");
        }
        found = p;
      }
    }
    return found;
  }

  private record Latest(int version) {}

  private Latest latestVersion(Path dir, String id) {
    Pattern p = Pattern.compile(Pattern.quote(id) + "\\.v(\\d{1,9})\\.(prompt|json)");
    int best = -1;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        Matcher m = p.matcher(f.getFileName().toString());
        if (m.matches()) {
          best = Math.max(best, Integer.parseInt(m.group(1)));
        }
      }
    } catch (IOException e) {
      throw new TransportException(name(), "cannot list the prompt directory: " + e.getMessage(), false, e);
    }
    return best < 0 ? null : new Latest(best);
  }

  /** {@code path} when it (after links) lies inside the root directory. */
  private Path inside(Path path) {
    Path normalized = path.normalize();
    if (!normalized.startsWith(root)) {
      throw new InvalidRequestException("prompt path escapes the prompt directory");
    }
    if (Files.exists(normalized, LinkOption.NOFOLLOW_LINKS)) {
      try {
        if (!normalized.toRealPath().startsWith(root)) {
          throw new InvalidRequestException("prompt file links outside the prompt directory");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return normalized;
  }

  private Prompt read(Path file, String id) {
    String name = file.getFileName().toString();
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > maxFileBytes) {
        throw new PromptTemplateException("prompt file " + name + " is " + size
            + " bytes, over the limit of " + maxFileBytes + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new TransportException(name(), "cannot read prompt file " + name + ": " + e.getMessage(), false, e);
    }
    if (bytes.length > maxFileBytes) {
      throw new PromptTemplateException("prompt file " + name + " is over the limit of " + maxFileBytes + " bytes");
    }
    if (name.endsWith(".json")) {
      try {
        return PromptJsonFiles.read(id, JsonTree.parseObject(bytes));
      } catch (JsonSyntaxException e) {
        throw new PromptTemplateException("malformed JSON prompt file " + name + ": " + e.getMessage(), e);
      }
    }
    return Dotprompt.parse(id, utf8(bytes, name));
  }

  private static String utf8(byte[] bytes, String name) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new PromptTemplateException("prompt file " + name + " is not valid UTF-8", e);
    }
  }

  /** The ids of the prompts at the top level of the directory (no versions or environments), sorted. */
  public List<String> ids() {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(root)) {
      for (Path f : files) {
        String n = f.getFileName().toString();
        for (String ext : EXTENSIONS) {
          if (n.endsWith(ext) && Files.isRegularFile(f)) {
            String id = n.substring(0, n.length() - ext.length());
            if (PromptIds.isValid(id) && !id.matches(".*\\.v\\d+")) {
              out.add(id);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(null);
    return out;
  }

  @Override
  public String name() {
    return "prompt-directory";
  }
}
