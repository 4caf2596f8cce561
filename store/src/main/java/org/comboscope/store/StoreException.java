package org.comboscope.store;

import org.comboscope.core.error.ComboscopeException;

/** The database failed (cannot open, connection lost, constraint broken by a bug); the cause is kept. */
public final class StoreException extends ComboscopeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
