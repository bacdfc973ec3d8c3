package org.awardeval.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where documents' bytes live, chosen by one setting ({@code award.documents.store}): {@code database} (a table, the
 * default) or {@code folder} (files under {@code award.documents.folder}). A file written in a transaction that rolls
 * back is deleted again, so a refused upload leaves nothing behind either way.
 */
@Component
class DocumentStore {

    private final JdbcClient jdbc;
    private final Path folder;

    DocumentStore(JdbcClient jdbc, @Value("${award.documents.store:database}") String store,
            @Value("${award.documents.folder:data/documents}") String folder) {
        this.jdbc = jdbc;
        if (!"database".equals(store) && !"folder".equals(store)) {
            throw new IllegalStateException("award.documents.store is '" + store + "'; it must be 'database' or 'folder'");
        }
        this.folder = "folder".equals(store) ? Path.of(folder) : null;
    }

    void put(String key, byte[] bytes) {
        if (folder == null) {
            jdbc.sql("INSERT INTO document_content (storage_key, content) VALUES (?, ?)").params(key, bytes).update();
            return;
        }
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, key, ".part");
            Files.write(temporary, bytes);
            Path file = folder.resolve(key);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (status != STATUS_COMMITTED) {
                            delete(key);
                        }
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] get(String key) {
        if (folder == null) {
            return jdbc.sql("SELECT content FROM document_content WHERE storage_key = ?").param(key).query(byte[].class).single();
        }
        try {
            return Files.readAllBytes(folder.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String key) {
        if (folder == null) {
            jdbc.sql("DELETE FROM document_content WHERE storage_key = ?").param(key).update();
            return;
        }
        try {
            Files.deleteIfExists(folder.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
