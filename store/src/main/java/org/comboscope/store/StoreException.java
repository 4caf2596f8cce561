package org.comboscope.store;

import org.comboscope.core.error.ComboscopeException;

/**
 * The database failed (cannot open, connection lost, constraint broken by a bug); the cause is kept.
 * The one subclass, {@link StoreConflictException}, is a refusal: the database is fine, but the
 * request conflicts with the state of the data.
 */
public sealed class StoreException extends ComboscopeException permits StoreConflictException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    StoreException(String message) {
        super(message);
    }
}
