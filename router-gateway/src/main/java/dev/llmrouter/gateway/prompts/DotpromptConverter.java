package dev.llmrouter.gateway.prompts;

import dev.llmrouter.error.InvalidRequestException;
import dev.llmrouter.gateway.http.BodyReader;
import dev.llmrouter.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * {@code POST /utils/dotprompt_json_converter}: a {@code .prompt} file, uploaded as multipart form field
 * {@code file} (LiteLLM's form) or sent as the raw body with {@code ?filename=name.prompt}, becomes
 * {@code {"prompt_id": <file name stem>, "json_data": {"content": <template>, "metadata": <front matter>}}}.
 * Nothing is written to disk; the file name only supplies the id, which is validated like any prompt id.
 */
final class DotpromptConverter {
  private DotpromptConverter() {}

  static int serve(Request request, Fields query, long bodyLimit, int maxTemplateBytes, Response response,
      Callback callback) {
    String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    String filename;
    String text;
    if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      MultiPartConfig config = new MultiPartConfig.Builder().maxParts(8).maxSize(bodyLimit).maxPartSize(bodyLimit)
          .maxMemoryPartSize(bodyLimit).useFilesForPartsWithoutFileName(false)
          .location(System.getProperty("java.io.tmpdir")).build();
      try (MultiPartFormData.Parts parts = MultiPartFormData.getParts(request, request, contentType, config)) {
        MultiPart.Part file = parts.getFirst("file");
        if (file == null) {
          throw new InvalidRequestException("the upload needs a form field 'file' holding the .prompt file");
        }
        filename = file.getFileName();
        text = file.getContentAsString(StandardCharsets.UTF_8);
      } catch (CompletionException | IllegalStateException | IllegalArgumentException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        throw new InvalidRequestException("cannot read the multipart upload: " + cause.getMessage(), e);
      }
    } else {
      filename = query.getValue("filename");
      try {
        text = new String(BodyReader.read(request, bodyLimit), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new InvalidRequestException("cannot read the request body: " + e.getMessage(), e);
      }
    }
    String id = promptId(filename);
    if (text.getBytes(StandardCharsets.UTF_8).length > maxTemplateBytes) {
      throw new dev.llmrouter.prompt.PromptTemplateException("the .prompt file is larger than "
          + maxTemplateBytes + " bytes (prompts.max_template_bytes)");
    }
    PromptContent.Parsed parsed = PromptContent.parse(id,
        JsonObject.of("dotprompt_content", dev.llmrouter.json.JsonValue.of(text)), maxTemplateBytes);
    JsonObject out = JsonObject.builder()
        .put("prompt_id", id)
        .put("json_data", JsonObject.builder().put("content", parsed.content()).put("metadata", parsed.metadata())
            .build())
        .build();
    PromptHttp.json(response, callback, 200, out);
    return 200;
  }

  /** The id from an uploaded file name: its last path segment without {@code .prompt}, validated. */
  static String promptId(String filename) {
    if (filename == null || filename.isBlank()) {
      throw new InvalidRequestException("the file name is missing: upload 'name.prompt' (or pass ?filename=)");
    }
    String name = filename.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    if (!name.endsWith(".prompt")) {
      throw new InvalidRequestException("File must have .prompt extension, got '" + VersionedId.printable(name) + "'");
    }
    return VersionedId.requireBaseId(name.substring(0, name.length() - ".prompt".length()));
  }
}
