package dev.llmrouter.prompt;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The template engines by {@link TemplateFormat}. {@link #defaults()} has the brace engine, the identity
 * engine for {@link TemplateFormat#NONE}, and every engine registered through {@link ServiceLoader} (with
 * router-providers on the classpath: Mustache). Immutable.
 */
public final class TemplateEngines {
  private static volatile TemplateEngines defaults;

  private final Map<TemplateFormat, TemplateEngine> engines;

  private TemplateEngines(Map<TemplateFormat, TemplateEngine> engines) {
    this.engines = engines;
  }

  /** The built-in engines plus those found by {@link ServiceLoader}; loaded once. */
  public static TemplateEngines defaults() {
    TemplateEngines d = defaults;
    if (d == null) {
      EnumMap<TemplateFormat, TemplateEngine> map = builtIns();
      for (TemplateEngine e :
          ServiceLoader.load(TemplateEngine.class, TemplateEngines.class.getClassLoader())) {
        map.putIfAbsent(e.format(), e);
      }
      d = new TemplateEngines(map);
      defaults = d;
    }
    return d;
  }

  /** Only the engines of router-core (braces and none): no Mustache. */
  public static TemplateEngines builtIn() {
    return new TemplateEngines(builtIns());
  }

  private static EnumMap<TemplateFormat, TemplateEngine> builtIns() {
    EnumMap<TemplateFormat, TemplateEngine> map = new EnumMap<>(TemplateFormat.class);
    map.put(TemplateFormat.BRACES, BraceTemplateEngine.instance());
    map.put(TemplateFormat.NONE, NoTemplateEngine.INSTANCE);
    return map;
  }

  /** A copy with {@code engine} serving its format (replacing any other). */
  public TemplateEngines with(TemplateEngine engine) {
    Objects.requireNonNull(engine, "engine");
    EnumMap<TemplateFormat, TemplateEngine> map = new EnumMap<>(TemplateFormat.class);
    map.putAll(engines);
    map.put(engine.format(), engine);
    return new TemplateEngines(map);
  }

  /** The engine for {@code format}, if one is registered. */
  public Optional<TemplateEngine> find(TemplateFormat format) {
    return Optional.ofNullable(engines.get(format));
  }

  /**
   * The engine for {@code format}.
   *
   * @throws PromptTemplateException when none is registered (Mustache without router-providers)
   */
  public TemplateEngine get(TemplateFormat format) {
    TemplateEngine e = engines.get(format);
    if (e == null) {
      throw new PromptTemplateException(
          "no template engine for format '" + format.id() + "' is registered"
              + (format == TemplateFormat.MUSTACHE
                  ? " (add router-providers, which provides Mustache, or register one with TemplateEngines.with)"
                  : ""));
    }
    return e;
  }

  /** The engine of {@link TemplateFormat#NONE}: text as written. */
  private enum NoTemplateEngine implements TemplateEngine {
    INSTANCE;

    @Override
    public TemplateFormat format() {
      return TemplateFormat.NONE;
    }

    @Override
    public String render(String template, dev.llmrouter.json.JsonObject variables, boolean strict) {
      return template;
    }
  }
}
