package org.comboscope.io.invivo;

import java.util.List;
import org.comboscope.core.invivo.TumourStudy;

/**
 * A tumour-measurement table as read, with notes about cells skipped as not measured.
 *
 * @param study the measurements
 * @param notes one line per skipped cell ({@code file:line: column 'c': ...}), in file order
 */
public record TumourTable(TumourStudy study, List<String> notes) {
    public TumourTable {
        notes = List.copyOf(notes);
    }
}
