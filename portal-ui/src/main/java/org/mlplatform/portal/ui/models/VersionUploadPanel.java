package org.mlplatform.portal.ui.models;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.mlplatform.domain.features.ResourceName;
import org.mlplatform.domain.models.ModelVersion;
import org.mlplatform.domain.security.PlatformUser;
import org.mlplatform.portal.models.ModelUploads;
import org.mlplatform.portal.models.VersionUpload;
import org.mlplatform.serving.onnx.InvalidModelException;

/**
 * Uploads an ONNX file as a new version: the browser shows the transfer, then the file is inspected
 * and registered (and the version's page opens), or refused with the reason, nothing kept.
 */
class VersionUploadPanel extends VerticalLayout {

  private volatile String description = "";

  VersionUploadPanel(ResourceName model, ModelUploads uploads, PlatformUser user) {
    setPadding(false);
    TextField describe = new TextField("Description of the version");
    describe.setId("version-description");
    describe.setWidth("30em");
    Span status = new Span();
    status.setId("version-upload-status");
    UI ui = UI.getCurrent();
    Upload upload =
        new Upload(
            UploadHandler.toTempFile(
                (metadata, file) -> {
                  try (InputStream content = Files.newInputStream(file.toPath())) {
                    ModelVersion version =
                        uploads.upload(model, content, described(), user, ModelsView.origin());
                    ui.access(
                        () ->
                            ui.navigate(
                                ModelVersionView.class,
                                ModelVersionView.parameters(model.value(), version.number())));
                  } catch (InvalidModelException e) {
                    refused(ui, status, "Refused (" + e.code() + "): " + e.getMessage());
                  } catch (IOException | RuntimeException e) {
                    refused(ui, status, "Refused: " + e.getMessage());
                  } finally {
                    Files.deleteIfExists(file.toPath());
                  }
                }));
    upload.addStartedListener(e -> description = describe.getValue());
    upload.setId("version-upload");
    upload.setAcceptedFileTypes(".onnx", "application/octet-stream");
    upload.setMaxFiles(1);
    add(
        new Span("An ONNX model file; its signature is read from the file itself."),
        describe,
        upload,
        status);
  }

  private VersionUpload described() {
    return new VersionUpload(
        description.isBlank() ? null : description,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static void refused(UI ui, Span status, String message) {
    ui.access(() -> status.setText(message));
  }
}
