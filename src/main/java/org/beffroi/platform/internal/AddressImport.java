package org.beffroi.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.Commune;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's import of the commune's addresses: the file read and checked whole, then the addresses (and,
 * if asked, the list of streets) replaced and the import audited, in one transaction.
 */
@Service
@RequiredArgsConstructor
public class AddressImport {

    private final JdbcAddresses addresses;
    private final Commune commune;
    private final AuditLog audit;

    /** What the import did, or why the file is refused: a message key with its argument, or bad lines. */
    public record Outcome(AddressFile.Reading reading, String problem, Object problemArgument) {

        public boolean done() {
            return problem == null && reading.accepted();
        }
    }

    @Transactional
    public Outcome importFile(InputStream content, String fileName, boolean replaceStreets) throws IOException {
        var reading = AddressFile.read(content);
        if (!reading.accepted()) {
            return new Outcome(reading, reading.fileProblem(), AddressFile.MAX_ADDRESSES);
        }
        var streets = new LinkedHashSet<String>();
        reading.rows().forEach(row -> streets.add(row.street()));
        if (replaceStreets && streets.size() > Commune.MOST_STREETS) {
            return new Outcome(reading, "settings.streets.too-many", Commune.MOST_STREETS);
        }
        String name = fileName == null ? "" : fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
        addresses.replaceAll(reading.rows(), name);
        if (replaceStreets) {
            commune.update(commune.settings(), new ArrayList<>(streets));
        }
        audit.record("platform.addresses-imported", "commune", reading.rows().size() + " addresses, " + streets.size()
                + " streets" + (replaceStreets ? ", streets replaced" : ""));
        return new Outcome(reading, null, null);
    }
}
