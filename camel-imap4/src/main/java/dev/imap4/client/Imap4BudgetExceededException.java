package dev.imap4.client;

/**
 * An {@link Imap4AbortException} raised because the server sent more than the connection may hold:
 * its heap budget ({@link Imap4Options#withMaxHeldBytes}) or its spool budget
 * ({@link Imap4Options#withMaxSpoolBytes}). The connection is closed; a caller can tell this cause
 * apart from a network failure (it is the abort itself, or the cause of the abort the engine throws)
 * and, for example, ask for less the next time.
 */
public class Imap4BudgetExceededException extends Imap4AbortException {
    private static final long serialVersionUID = 1L;

    public Imap4BudgetExceededException(String message) {
        super(message);
    }

    /** Whether {@code e} or one of its causes is a budget abort. */
    public static boolean isCause(Throwable e) {
        // getCause() never returns the throwable itself; the bound stops a longer cycle
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < 64; t = t.getCause()) {
            if (t instanceof Imap4BudgetExceededException) {
                return true;
            }
        }
        return false;
    }
}
