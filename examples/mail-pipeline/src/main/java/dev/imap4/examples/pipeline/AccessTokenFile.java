package dev.imap4.examples.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * An OAuth2 access token supplier for the component's accessTokenSupplier option: reads the token
 * from a file each time a connection authenticates, so whatever keeps the token fresh (an identity
 * agent, a scheduled refresh with the provider's tool) only has to rewrite the file. The token is
 * never logged.
 */
public class AccessTokenFile implements Supplier<String> {

    private Path path;

    public AccessTokenFile() {
    }

    public AccessTokenFile(Path path) {
        this.path = path;
    }

    /** The file holding the access token (surrounding white space is ignored). */
    public void setPath(String path) {
        this.path = Path.of(path);
    }

    @Override
    public String get() {
        if (path == null) {
            throw new IllegalStateException("no access token file configured");
        }
        try {
            String token = Files.readString(path, StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) {
                throw new IllegalStateException("the access token file " + path + " is empty");
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the access token file " + path, e);
        }
    }
}
