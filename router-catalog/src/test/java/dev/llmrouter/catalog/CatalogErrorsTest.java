package dev.llmrouter.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad catalog input: every failure is a {@link CatalogException} naming the model and field. */
class CatalogErrorsTest {

  private static CatalogException parseError(String json) {
    return catchThrowableOfType(CatalogException.class, () -> ModelCatalog.parse(json));
  }

  /** One entry {@code m} with valid format and flavor plus {@code field: value}. */
  private static CatalogException fieldError(String field, String value) {
    return parseError("{\"m\": {\"format\": \"openai\", \"flavor\": \"chat\", \"" + field + "\": " + value
        + "}}");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "model | 5 | must be a string, got 5",
      "displayName | true | must be a string, got true",
      "parent | [] | must be a string, got an array",
      "description | {} | must be a string, got an object",
      "input_cost_per_mil_tokens | '\"3\"' | must be a number (USD), got string '3'",
      "output_cost_per_mil_tokens | true | must be a number (USD), got true",
      "input_cache_read_cost_per_mil_tokens | [] | must be a number (USD), got an array",
      "input_cache_write_cost_per_mil_tokens | '\"x\"' | must be a number (USD), got string 'x'",
      "input_cache_write_5m_cost_per_mil_tokens| false | must be a number (USD), got false",
      "input_cache_write_1h_cost_per_mil_tokens| {} | must be a number (USD), got an object",
      "input_cost_per_token | '\"1e-6\"' | must be a number (USD), got string '1e-6'",
      "output_cost_per_token | [] | must be a number (USD), got an array",
      "multimodal | '\"yes\"' | must be a boolean, got string 'yes'",
      "reasoning | 1 | must be a boolean, got 1",
      "reasoning_budget | 0 | must be a boolean, got 0",
      "o1_like | [] | must be a boolean, got an array",
      "deprecated | '\"true\"' | must be a boolean, got string 'true'",
      "experimental | {} | must be a boolean, got an object",
      "supports_streaming | 1 | must be a boolean, got 1",
      "streaming_only | '\"no\"' | must be a boolean, got string 'no'",
      "max_input_tokens | -5 | must be an integer in [0, 4294967295], got -5",
      "max_input_tokens | 4294967296 | must be an integer in [0, 4294967295], got 4294967296",
      "max_output_tokens | 1.5 | must be an integer in [0, 4294967295], got 1.5",
      "max_output_tokens | 1000.0 | must be an integer in [0, 4294967295], got 1000.0",
      "max_output_tokens | '\"100\"' | must be an integer in [0, 4294967295], got string '100'",
      "deprecation_date | 20261023 | must be a string, got 20261023",
      "deprecation_date | '\"2026-13-01\"' | must be a date in the form YYYY-MM-DD, got '2026-13-01'",
      "deprecation_date | '\"next year\"'| must be a date in the form YYYY-MM-DD, got 'next year'",
      "available_providers | '\"openai\"' | must be an array of strings, got string 'openai'",
      "available_providers | '[\"a\", 1]' | must be an array of strings; element 1 is, got 1",
      "locations | '[null]' | must be an array of strings; element 0 is, got null",
      "supported_regions | {} | must be an array of strings, got an object",
      "endpoint_types | 3 | must be an array of strings, got 3",
      "extra | '[1]' | must be an object, got an array",
      "extra | '\"x\"' | must be an object, got string 'x'",
      "extra | '{\"a\": 1, \"a\": 2}' | has key 'a' more than once",
  })
  void wrongFieldTypesNameTheModelAndField(String field, String value, String problem) {
    CatalogException e = fieldError(field, value);

    assertThat(e).as("%s = %s should fail", field, value).isNotNull();
    assertThat(e.getMessage()).startsWith("catalog model 'm': field '" + field + "' " + problem);
    assertThat(e.getMessage()).contains("(line 1, column ");
    assertThat(e.model()).contains("m");
    assertThat(e.field()).contains(field);
  }

  @Test
  void maxTokensMessageMatchesTheDocumentedForm() {
    CatalogException e = parseError("{\n  \"gpt-4o\": {\n    \"format\": \"openai\", \"flavor\": \"chat\",\n"
        + "    \"max_input_tokens\": -5\n  }\n}");
    assertThat(e.getMessage()).isEqualTo("catalog model 'gpt-4o': field 'max_input_tokens' must be an "
        + "integer in [0, 4294967295], got -5 (line 4, column 25)");
  }

  @Test
  void flavorAndFormatMustBeStrings() {
    assertThat(parseError("{\"m\": {\"format\": 1, \"flavor\": \"chat\"}}").getMessage())
        .startsWith("catalog model 'm': field 'format' must be a string, got 1");
    assertThat(parseError("{\"m\": {\"format\": \"openai\", \"flavor\": [\"chat\"]}}").getMessage())
        .startsWith("catalog model 'm': field 'flavor' must be a string, got an array");
  }

  @Test
  void missingFormatIsAnError() {
    CatalogException e = parseError("{\"ok\": {\"format\": \"openai\", \"flavor\": \"chat\"},"
        + " \"m\": {\"flavor\": \"chat\"}}");
    assertThat(e).hasMessage("catalog model 'm': missing required field 'format'");
    assertThat(e.model()).contains("m");
    assertThat(e.field()).contains("format");
  }

  @Test
  void missingFlavorIsAnError() {
    CatalogException e = parseError("{\"m\": {\"format\": \"openai\", \"flavor\": null}}");
    assertThat(e).hasMessage("catalog model 'm': missing required field 'flavor'");
    assertThat(e.field()).contains("flavor");
  }

  @Test
  void unknownFlavorFailsTheWholeCatalog() {
    CatalogException e = parseError("{\"m\": {\"format\": \"openai\", \"flavor\": \"realtime\"}}");
    assertThat(e.getMessage()).startsWith("catalog model 'm': field 'flavor' has unknown value 'realtime' "
        + "(expected one of chat, completion, embedding, responses)");
    assertThat(e.field()).contains("flavor");
    assertThat(parseError("{\"m\": {\"format\": \"openai\", \"flavor\": \"Chat\"}}").getMessage())
        .as("flavor names are exact").contains("unknown value 'Chat'");
  }

  @Test
  void danglingFallbackTargetIsAnError() {
    CatalogException e = parseError("{\"a\": {\"format\": \"openai\", \"flavor\": \"chat\","
        + " \"fallback_models\": [\"b\"]}}");
    assertThat(e).hasMessage("model 'a' references missing fallback model 'b'");
    assertThat(e.model()).contains("a");
    assertThat(e.field()).contains("fallback_models");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"b\"", "{\"b\": 1}", "[\"b\", 2]", "[[\"b\"]]", "[null]", "true"})
  void fallbackModelsMustBeAnArrayOfStrings(String value) {
    CatalogException e = parseError("{\"a\": {\"format\": \"openai\", \"flavor\": \"chat\","
        + " \"fallback_models\": " + value + "}, \"b\": {\"format\": \"openai\", \"flavor\": \"chat\"}}");
    assertThat(e.getMessage()).contains("model 'a' has invalid fallback_models");
    assertThat(e.model()).contains("a");
    assertThat(e.field()).contains("fallback_models");
  }

  @Test
  void duplicateModelKeysAreAnError() {
    CatalogException e = parseError("{\"a\": {\"format\": \"openai\", \"flavor\": \"chat\"},\n"
        + " \"a\": {\"format\": \"google\", \"flavor\": \"chat\"}}");
    assertThat(e.getMessage()).startsWith("catalog model 'a' is defined more than once (line 2, column ");
    assertThat(e.model()).contains("a");
  }

  @Test
  void duplicateFieldsInAnEntryAreAnError() {
    CatalogException e = parseError("{\"a\": {\"format\": \"openai\", \"flavor\": \"chat\","
        + " \"format\": \"google\"}}");
    assertThat(e.getMessage()).startsWith("catalog model 'a': field 'format' appears more than once");
    assertThat(e.field()).contains("format");
  }

  @Test
  void entryMustBeAnObject() {
    assertThat(parseError("{\"a\": \"gpt-4o\"}").getMessage())
        .startsWith("catalog model 'a': entry must be an object, got string 'gpt-4o'");
    assertThat(parseError("{\"a\": null}").getMessage())
        .startsWith("catalog model 'a': entry must be an object, got null");
    assertThat(parseError("{\"a\": [1]}").model()).contains("a");
  }

  @Test
  void topLevelMustBeAnObject() {
    assertThat(parseError("[{\"format\": \"openai\"}]").getMessage())
        .startsWith("catalog JSON must be an object mapping model names to model specs, got an array");
    assertThat(parseError("42").getMessage())
        .startsWith("catalog JSON must be an object mapping model names to model specs, got 42");
    assertThat(parseError("null").getMessage()).contains("got null");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n\t \n"})
  void emptyOrBlankInputIsAClearError(String json) {
    assertThat(parseError(json))
        .hasMessage("catalog JSON is empty: expected an object mapping model names to model specs");
  }

  @Test
  void nullInputIsAClearError() {
    assertThatThrownBy(() -> ModelCatalog.parse(null))
        .isInstanceOf(CatalogException.class).hasMessageContaining("must not be null");
    assertThatThrownBy(() -> ModelCatalog.load((java.io.InputStream) null))
        .isInstanceOf(CatalogException.class).hasMessageContaining("must not be null");
    assertThatThrownBy(() -> ModelCatalog.load((Path) null))
        .isInstanceOf(CatalogException.class).hasMessageContaining("must not be null");
  }

  @Test
  void invalidJsonReportsLineAndColumn() {
    CatalogException e = parseError("{\n  \"a\": {\n    \"format\": \"openai\",,\n  }\n}");
    assertThat(e.getMessage()).startsWith("invalid catalog JSON at line 3, column 24 (in model 'a'): ");
    assertThat(e.model()).contains("a");
    assertThat(e.getCause()).isNotNull();
  }

  @Test
  void truncatedJsonIsAnErrorNotAHang() {
    CatalogException e = parseError(
        "{\"a\": {\"format\": \"openai\", \"flavor\": \"chat\", \"extra\": {\"x\": [1,");
    assertThat(e.getMessage()).startsWith("invalid catalog JSON at line 1");
    assertThat(e.getMessage()).contains("(in model 'a')");
    assertThat(parseError("{\"a\": {\"format\": \"openai\"").getMessage()).startsWith("invalid catalog JSON");
    assertThat(parseError("{").getMessage()).startsWith("invalid catalog JSON");
  }

  @Test
  void trailingContentIsAnError() {
    assertThat(parseError("{} {}").getMessage())
        .startsWith("invalid catalog JSON (line 1, column 4): unexpected content after the catalog object");
    assertThat(parseError("{} x").getMessage()).startsWith("invalid catalog JSON at line 1, column 4");
  }

  @Test
  void emptyModelNameIsAnError() {
    assertThat(parseError("{\"\": {\"format\": \"openai\", \"flavor\": \"chat\"}}").getMessage())
        .startsWith("catalog model name must not be empty");
  }

  @Test
  void missingFileNamesThePath(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");
    assertThatThrownBy(() -> ModelCatalog.load(missing))
        .isInstanceOf(CatalogException.class)
        .hasMessage("catalog file '" + missing + "': no such file");
  }

  @Test
  void directoryInsteadOfFileNamesThePath(@TempDir Path dir) {
    CatalogException e = catchThrowableOfType(CatalogException.class, () -> ModelCatalog.load(dir));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).startsWith("catalog file '" + dir + "': ");
  }

  @Test
  void invalidFileContentNamesThePathModelAndField(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file,
        "{\"gpt-4o\": {\"format\": \"openai\", \"flavor\": \"chat\", \"multimodal\": 1}}");
    CatalogException e = catchThrowableOfType(CatalogException.class, () -> ModelCatalog.load(file));
    assertThat(e.getMessage()).startsWith("catalog file '" + file + "': catalog model 'gpt-4o': field "
        + "'multimodal' must be a boolean, got 1");
    assertThat(e.model()).contains("gpt-4o");
    assertThat(e.field()).contains("multimodal");
  }

  @Test
  void emptyFileIsAClearError(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("empty.json");
    Files.writeString(file, "");
    assertThatThrownBy(() -> ModelCatalog.load(file))
        .isInstanceOf(CatalogException.class)
        .hasMessage("catalog file '" + file + "': catalog JSON is empty: expected an object mapping model "
            + "names to model specs");
  }

  @Test
  void readFailuresMidStreamAreReported() {
    java.io.InputStream failing = new java.io.InputStream() {
      private int sent;

      @Override
      public int read() throws IOException {
        if (sent < 3) {
          return "{\"a"
              .charAt(sent++);
        }
        throw new IOException("disk on fire");
      }
    };
    assertThatThrownBy(() -> ModelCatalog.load(failing))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("disk on fire");
  }
}
