package dev.llmrouter.translate.ir;

import static dev.llmrouter.translate.ir.J.assertJsonEquals;
import static dev.llmrouter.translate.ir.J.at;
import static dev.llmrouter.translate.ir.J.json;
import static dev.llmrouter.translate.ir.J.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmrouter.catalog.ProviderFormat;
import dev.llmrouter.error.TranslationException;
import dev.llmrouter.json.JsonBoolean;
import dev.llmrouter.json.JsonString;
import dev.llmrouter.json.JsonValue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ports of lingua's universal/response_format.rs tests, plus own edge cases. */
class ResponseFormatTest {

  private static ResponseFormat schema(String name, String schema, Optional<Boolean> strict) {
    return ResponseFormat.jsonSchema(new JsonSchema(name, json(schema), strict, Optional.empty()));
  }

  @Test
  void test_from_openai_chat_text() {
    ResponseFormat f = ResponseFormat.fromProvider(ProviderFormat.OPENAI, json("{'type':'text'}"));
    assertThat(f.formatType()).contains(ResponseFormatType.TEXT);
    assertThat(f.jsonSchema()).isEmpty();
  }

  @Test
  void test_from_openai_chat_json_schema() {
    ResponseFormat f =
        ResponseFormat.fromProvider(
            ProviderFormat.OPENAI,
            json(
                "{'type':'json_schema','json_schema':{'name':'person_info','schema':{'type':'object',"
                    + "'properties':{'name':{'type':'string'}}},'strict':true}}"));
    assertThat(f.formatType()).contains(ResponseFormatType.JSON_SCHEMA);
    assertThat(f.jsonSchema().get().name()).isEqualTo("person_info");
    assertThat(f.jsonSchema().get().strict()).contains(true);
  }

  @Test
  void test_to_openai_chat_json_schema() {
    JsonValue v =
        schema("test_schema", "{'type':'object'}", Optional.of(true)).toProvider(ProviderFormat.OPENAI).get();
    assertThat(at(v, "/type")).contains(JsonString.of("json_schema"));
    assertThat(at(v, "/json_schema/name")).contains(JsonString.of("test_schema"));
    assertThat(at(v, "/json_schema/schema/additionalProperties")).contains(JsonBoolean.FALSE);
  }

  @Test
  void test_roundtrip_openai_chat_normalizes_missing_additional_properties() {
    JsonValue original =
        json("{'type':'json_schema','json_schema':{'name':'test','schema':{'type':'object'},'strict':true}}");
    JsonValue back =
        ResponseFormat.fromProvider(ProviderFormat.OPENAI, original).toProvider(ProviderFormat.OPENAI).get();
    assertJsonEquals(
        back,
        "{'type':'json_schema','json_schema':{'name':'test','schema':{'type':'object',"
            + "'additionalProperties':false},'strict':true}}");
  }

  @Test
  void test_to_responses_text_format() {
    JsonValue v = schema("test", "{'type':'object'}", Optional.of(true)).toProvider(ProviderFormat.RESPONSES).get();
    assertThat(at(v, "/format/type")).contains(JsonString.of("json_schema"));
    assertThat(at(v, "/format/name")).contains(JsonString.of("test"));
    assertThat(at(v, "/format/schema/additionalProperties")).contains(JsonBoolean.FALSE);
  }

  @Test
  void test_cross_provider_openai_to_anthropic() {
    ResponseFormat f =
        ResponseFormat.fromProvider(
            ProviderFormat.OPENAI,
            json(
                "{'type':'json_schema','json_schema':{'name':'person_info','schema':{'type':'object',"
                    + "'properties':{'name':{'type':'string'}}},'strict':true}}"));
    JsonValue v = f.toProvider(ProviderFormat.ANTHROPIC).get();
    assertThat(at(v, "/type")).contains(JsonString.of("json_schema"));
    assertThat(at(v, "/name")).isEmpty();
    assertThat(at(v, "/strict")).isEmpty();
    assertThat(at(v, "/json_schema")).isEmpty();
    assertThat(at(v, "/schema/additionalProperties")).contains(JsonBoolean.FALSE);
  }

  @Test
  void test_strict_target_normalizes_nested_object_schemas() {
    JsonValue v =
        schema(
                "nested",
                "{'type':'object','properties':{'outer':{'type':'object','properties':{'inner':{'type':'string'}}}}}",
                Optional.empty())
            .toProvider(ProviderFormat.RESPONSES)
            .get();
    assertThat(at(v, "/format/schema/additionalProperties")).contains(JsonBoolean.FALSE);
    assertThat(at(v, "/format/schema/properties/outer/additionalProperties")).contains(JsonBoolean.FALSE);
  }

  private static final String ORDERED =
      "{'type':['object','null'],'propertyOrdering':['outer'],'properties':{'outer':{'type':['object','null'],"
          + "'propertyOrdering':['inner'],'properties':{'inner':{'type':'string'}}}}}";

  @Test
  void test_strict_target_strips_google_property_ordering_recursively() {
    for (ProviderFormat p : List.of(ProviderFormat.ANTHROPIC, ProviderFormat.OPENAI, ProviderFormat.RESPONSES)) {
      JsonValue n = SchemaNormalizer.normalizeForStrictTarget(json(ORDERED), p, false);
      assertThat(at(n, "/propertyOrdering")).as(p.id()).isEmpty();
      assertThat(at(n, "/properties/outer/propertyOrdering")).as(p.id()).isEmpty();
      assertThat(at(n, "/additionalProperties")).as(p.id()).contains(JsonBoolean.FALSE);
      assertThat(at(n, "/properties/outer/additionalProperties")).as(p.id()).contains(JsonBoolean.FALSE);
    }
  }

  @Test
  void test_google_strict_target_preserves_property_ordering() {
    JsonValue n = SchemaNormalizer.normalizeForStrictTarget(json(ORDERED), ProviderFormat.GOOGLE, false);
    assertThat(at(n, "/propertyOrdering")).contains(json("['outer']"));
    assertThat(at(n, "/properties/outer/propertyOrdering")).contains(json("['inner']"));
    assertThat(at(n, "/additionalProperties")).contains(JsonBoolean.FALSE);
    assertThat(at(n, "/properties/outer/additionalProperties")).contains(JsonBoolean.FALSE);
  }

  @Test
  void test_openai_strict_targets_require_all_object_properties() {
    String s =
        "{'type':'object','properties':{'reasoning':{'type':'string'},'answer':{'type':'string'},"
            + "'citation':{'type':'string'}},'required':['answer','legacy']}";
    for (ProviderFormat p : List.of(ProviderFormat.OPENAI, ProviderFormat.RESPONSES)) {
      JsonValue n = SchemaNormalizer.normalizeForStrictTarget(json(s), p, true);
      assertThat(at(n, "/required")).as(p.id()).contains(json("['answer','legacy','citation','reasoning']"));
    }
  }

  @Test
  void test_openai_strict_targets_add_required_recursively() {
    String s =
        "{'type':'object','properties':{'outer':{'type':'object','properties':{'inner':{'type':'string'},"
            + "'details':{'type':'string'}},'required':['inner']}}}";
    JsonValue n = SchemaNormalizer.normalizeForStrictTarget(json(s), ProviderFormat.RESPONSES, true);
    assertThat(at(n, "/required")).contains(json("['outer']"));
    assertThat(at(n, "/properties/outer/required")).contains(json("['inner','details']"));
  }

  @Test
  void test_openai_non_strict_targets_preserve_optional_properties() {
    for (Optional<Boolean> strict : List.of(Optional.<Boolean>empty(), Optional.of(false))) {
      ResponseFormat f =
          schema(
              "structured_response",
              "{'type':'object','properties':{'answer':{'type':'string'},'reasoning':{'type':'string'}},"
                  + "'required':['answer']}",
              strict);
      assertThat(at(f.toProvider(ProviderFormat.OPENAI).get(), "/json_schema/schema/required"))
          .contains(json("['answer']"));
      assertThat(at(f.toProvider(ProviderFormat.RESPONSES).get(), "/format/schema/required"))
          .contains(json("['answer']"));
    }
  }

  @Test
  void test_non_openai_strict_targets_do_not_auto_fill_required() {
    String s =
        "{'type':'object','properties':{'reasoning':{'type':'string'},'answer':{'type':'string'}},"
            + "'required':['answer']}";
    for (ProviderFormat p : List.of(ProviderFormat.ANTHROPIC, ProviderFormat.GOOGLE)) {
      JsonValue n = SchemaNormalizer.normalizeForStrictTarget(json(s), p, true);
      assertThat(at(n, "/required")).as(p.id()).contains(json("['answer']"));
    }
  }

  @Test
  void test_anthropic_lossy_normalization_strips_array_and_numeric_bounds() {
    String s =
        "{'type':'object','properties':{'tuple':{'type':['array','null'],'prefixItems':[{'type':'string'},"
            + "{'type':'integer'}],'minItems':2,'maxItems':3,'items':{'type':'string'}},"
            + "'score':{'type':['integer','null'],'minimum':0,'maximum':10},"
            + "'ratio':{'type':['number','null'],'minimum':0.1,'maximum':0.9}}}";
    JsonValue a = SchemaNormalizer.normalizeForStrictTarget(json(s), ProviderFormat.ANTHROPIC, false);
    for (String p :
        List.of(
            "/properties/tuple/prefixItems",
            "/properties/tuple/minItems",
            "/properties/tuple/maxItems",
            "/properties/score/minimum",
            "/properties/score/maximum",
            "/properties/ratio/minimum",
            "/properties/ratio/maximum")) {
      assertThat(at(a, p)).as(p).isEmpty();
    }
    JsonValue c = SchemaNormalizer.normalizeForStrictTarget(json(s), ProviderFormat.OPENAI, false);
    assertThat(at(c, "/properties/tuple/prefixItems/0/type")).contains(JsonString.of("string"));
    assertThat(at(c, "/properties/tuple/minItems")).contains(json("2"));
    assertThat(at(c, "/properties/tuple/maxItems")).contains(json("3"));
    assertThat(at(c, "/properties/score/minimum")).contains(json("0"));
    assertThat(at(c, "/properties/score/maximum")).contains(json("10"));
    assertThat(at(c, "/properties/ratio/minimum")).contains(json("0.1"));
    assertThat(at(c, "/properties/ratio/maximum")).contains(json("0.9"));
  }

  @Test
  void test_strict_target_accepts_nullable_union_leaf_types() {
    JsonValue v =
        schema(
                "query_result",
                "{'type':'object','properties':{'filter':{'type':['string','null']}},'required':['filter']}",
                Optional.of(true))
            .toProvider(ProviderFormat.RESPONSES)
            .get();
    assertThat(at(v, "/format/schema/properties/filter/type")).contains(json("['string','null']"));
    assertThat(at(v, "/format/schema/additionalProperties")).contains(JsonBoolean.FALSE);
  }

  @Test
  void test_strict_target_rejects_explicit_additional_properties_true() {
    ResponseFormat f = schema("open_object", "{'type':'object','additionalProperties':true}", Optional.empty());
    for (ProviderFormat p : List.of(ProviderFormat.OPENAI, ProviderFormat.RESPONSES, ProviderFormat.ANTHROPIC)) {
      assertThatThrownBy(() -> f.toProvider(p))
          .as(p.id())
          .isInstanceOf(TranslationException.class)
          .hasMessageContaining("additionalProperties: true");
    }
  }

  @Test
  void test_google_json_object_conversion_is_unchanged() {
    JsonValue v = ResponseFormat.of(ResponseFormatType.JSON_OBJECT).toProvider(ProviderFormat.OPENAI).get();
    assertJsonEquals(v, "{'type':'json_object'}");
  }

  @Test
  void test_from_google_json_schema() {
    ResponseFormat f =
        ResponseFormat.fromProvider(
            ProviderFormat.GOOGLE,
            json(
                "{'responseMimeType':'application/json','responseJsonSchema':{'type':'object',"
                    + "'title':'person_info','description':'Person schema','properties':{'name':{'type':'string'}}}}"));
    assertThat(f.formatType()).contains(ResponseFormatType.JSON_SCHEMA);
    JsonSchema js = f.jsonSchema().get();
    assertThat(js.name()).isEqualTo("person_info");
    assertThat(js.description()).contains("Person schema");
    assertJsonEquals(js.schema(), "{'type':'object','properties':{'name':{'type':'string'}}}");
  }

  @Test
  void test_from_google_json_object() {
    ResponseFormat f = ResponseFormat.fromProvider(ProviderFormat.GOOGLE, json("{'responseMimeType':'application/json'}"));
    assertThat(f.formatType()).contains(ResponseFormatType.JSON_OBJECT);
    assertThat(f.jsonSchema()).isEmpty();
  }

  @Test
  void test_from_google_text() {
    ResponseFormat f = ResponseFormat.fromProvider(ProviderFormat.GOOGLE, json("{'responseMimeType':'text/plain'}"));
    assertThat(f.formatType()).contains(ResponseFormatType.TEXT);
    assertThat(f.jsonSchema()).isEmpty();
  }

  @Test
  void test_to_google_formats() {
    assertJsonEquals(
        ResponseFormat.of(ResponseFormatType.TEXT).toProvider(ProviderFormat.GOOGLE).get(),
        "{'responseMimeType':'text/plain'}");
    assertJsonEquals(
        ResponseFormat.of(ResponseFormatType.JSON_OBJECT).toProvider(ProviderFormat.GOOGLE).get(),
        "{'responseMimeType':'application/json'}");
    ResponseFormat f =
        ResponseFormat.jsonSchema(
            new JsonSchema(
                "response",
                json("{'type':'object','additionalProperties':false}"),
                Optional.of(true),
                Optional.of("Structured output")));
    JsonValue v = f.toProvider(ProviderFormat.GOOGLE).get();
    assertThat(at(v, "/responseMimeType")).contains(JsonString.of("application/json"));
    assertThat(at(v, "/responseSchema")).isEmpty();
    assertThat(at(v, "/responseJsonSchema/title")).contains(JsonString.of("response"));
    assertThat(at(v, "/responseJsonSchema/description")).contains(JsonString.of("Structured output"));
    assertThat(at(v, "/responseJsonSchema/additionalProperties")).contains(JsonBoolean.FALSE);
  }

  // --- own tests ---

  @Test
  void requires_json_response_only_for_json_types() {
    assertThat(ResponseFormat.of(ResponseFormatType.TEXT).requiresJsonResponse()).isFalse();
    assertThat(ResponseFormat.EMPTY.requiresJsonResponse()).isFalse();
    assertThat(ResponseFormat.of(ResponseFormatType.JSON_OBJECT).requiresJsonResponse()).isTrue();
    assertThat(schema("x", "{}", Optional.empty()).requiresJsonResponse()).isTrue();
  }

  @Test
  void unknown_type_is_a_client_error_naming_the_field() {
    assertThatThrownBy(() -> ResponseFormat.fromOpenAIChat(json("{'type':'yaml'}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("yaml")
        .hasMessageContaining("response_format.type");
    assertThat(ResponseFormat.fromOpenAIChat(json("{'type':'JSON_OBJECT'}")).formatType())
        .contains(ResponseFormatType.JSON_OBJECT);
  }

  @Test
  void json_schema_without_name_keeps_type_only_and_then_fails_to_emit() {
    ResponseFormat f = ResponseFormat.fromOpenAIChat(json("{'type':'json_schema','json_schema':{'schema':{}}}"));
    assertThat(f.formatType()).contains(ResponseFormatType.JSON_SCHEMA);
    assertThat(f.jsonSchema()).isEmpty();
    assertThatThrownBy(f::toOpenAIChat).isInstanceOf(TranslationException.class).hasMessageContaining("json_schema");
    UniversalParams params = UniversalParams.builder().responseFormat(f).build();
    assertThat(params.responseFormatFor(ProviderFormat.OPENAI)).isEmpty();
    assertThatThrownBy(() -> params.tryResponseFormatFor(ProviderFormat.OPENAI))
        .isInstanceOf(TranslationException.class);
  }

  @Test
  void responses_flat_shape_and_roundtrip() {
    JsonValue raw =
        json("{'type':'json_schema','name':'n','schema':{'type':'object','additionalProperties':false},"
            + "'strict':false,'description':'d'}");
    ResponseFormat f = ResponseFormat.fromResponses(raw);
    assertThat(f.jsonSchema().get().description()).contains("d");
    assertJsonEquals(f.toResponsesText().get(), "{'format':" + raw.toJson() + "}");
  }

  @Test
  void anthropic_rejects_text_and_json_object_and_non_object_root() {
    assertThatThrownBy(() -> ResponseFormat.of(ResponseFormatType.TEXT).toAnthropic())
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("text response format");
    assertThatThrownBy(() -> ResponseFormat.of(ResponseFormatType.JSON_OBJECT).toAnthropic())
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("tool shim");
    assertThatThrownBy(() -> schema("x", "[]", Optional.empty()).toAnthropic())
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("root must be a JSON object");
  }

  @Test
  void anthropic_input_reads_schema_and_defaults_the_name() {
    ResponseFormat f = ResponseFormat.fromAnthropic(json("{'type':'json_schema','schema':{'type':'object'}}"));
    assertThat(f.jsonSchema().get().name()).isEqualTo("response");
    assertThat(f.jsonSchema().get().strict()).isEmpty();
    assertThatThrownBy(() -> ResponseFormat.fromAnthropic(json("{'type':'json_schema','schema':[]}")))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("output_config.format.schema");
  }

  @Test
  void google_typed_schema_fallback_is_denormalized() {
    ResponseFormat f =
        ResponseFormat.fromGoogle(
            obj("{'responseMimeType':'application/json','responseSchema':{'type':'OBJECT','title':7,"
                + "'nullable':null,'properties':{'a':{'type':'STRING'},'b':{'type':'ARRAY','items':{'type':'INTEGER'}}}}}"));
    JsonSchema js = f.jsonSchema().get();
    assertThat(js.name()).isEqualTo("response");
    assertJsonEquals(
        js.schema(),
        "{'type':'object','properties':{'a':{'type':'string'},'b':{'type':'array','items':{'type':'integer'}}}}");
  }

  @Test
  void normalizer_rejects_unreadable_nodes_and_non_boolean_additional_properties() {
    assertThatThrownBy(
            () ->
                SchemaNormalizer.normalizeForStrictTarget(
                    json("{'type':'object','additionalProperties':{'type':'string'}}"), ProviderFormat.OPENAI, false))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("non-boolean");
    assertThatThrownBy(
            () ->
                SchemaNormalizer.normalizeForStrictTarget(
                    json("{'type':'array','items':true}"), ProviderFormat.OPENAI, false))
        .isInstanceOf(TranslationException.class)
        .hasMessageContaining("could not be deserialized");
    assertThatThrownBy(
            () ->
                SchemaNormalizer.normalizeForStrictTarget(
                    json("{'type':'object','required':'a'}"), ProviderFormat.OPENAI, false))
        .isInstanceOf(TranslationException.class);
    // A non-object node without a type is left alone apart from recursion.
    JsonValue anyOf =
        SchemaNormalizer.normalizeForStrictTarget(
            json("{'anyOf':[{'type':'object'},{'type':'null'}]}"), ProviderFormat.OPENAI, false);
    assertJsonEquals(anyOf, "{'anyOf':[{'type':'object','additionalProperties':false},{'type':'null'}]}");
    // A null additionalProperties is replaced by false.
    assertJsonEquals(
        SchemaNormalizer.normalizeForStrictTarget(
            json("{'type':'object','additionalProperties':null}"), ProviderFormat.OPENAI, false),
        "{'type':'object','additionalProperties':false}");
  }

  @Test
  void anthropic_keeps_prefix_items_on_non_array_nodes_and_recurses_into_kept_ones() {
    JsonValue n =
        SchemaNormalizer.normalizeForStrictTarget(
            json("{'type':'string','minimum':1,'prefixItems':[{'type':'object'}]}"), ProviderFormat.ANTHROPIC, false);
    assertJsonEquals(
        n, "{'type':'string','minimum':1,'prefixItems':[{'type':'object','additionalProperties':false}]}");
  }
}
