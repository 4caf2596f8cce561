package org.comboscope.core.error;

/**
 * Root of comboscope's small exception hierarchy. Every subclass carries a message that names what
 * was wrong, where, and which rule it broke.
 */
public abstract class ComboscopeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ComboscopeException(String message) {
        super(message);
    }

    protected ComboscopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
