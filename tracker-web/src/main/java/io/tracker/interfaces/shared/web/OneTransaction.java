package io.tracker.interfaces.shared.web;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Runs a page's reads in one JTA transaction, so that the services it calls (each {@code REQUIRED}) join it
 * instead of each beginning and committing its own: the tenant setting for row-level security is then sent once
 * for the page, not once per call ({@code TenantConnections}), and there is one commit instead of a dozen. A
 * dashboard view makes about a dozen such calls; each transaction cost two round trips to PostgreSQL beyond its
 * statements (README, "Speed of the dashboard").
 *
 * <p>For reads only: whatever the reads throw rolls the transaction back and is thrown on unchanged (a domain
 * exception stays the user's to read); a transaction that a service marked for rollback is rolled back, not
 * committed. Inside a transaction already running, the reads simply join it.
 */
public final class OneTransaction {

    private OneTransaction() {
    }

    /** Runs {@code reads} in a transaction of its own (or the caller's, when one is running). */
    public static void run(Runnable reads) {
        UserTransaction tx = userTransaction();
        try {
            if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                reads.run();
                return;
            }
            tx.begin();
        } catch (SystemException | NotSupportedException e) {
            throw new IllegalStateException("beginning the page's transaction failed: " + e.getMessage(), e);
        }
        boolean completed = false;
        try {
            reads.run();
            completed = true;
        } finally {
            end(tx, completed);
        }
    }

    private static void end(UserTransaction tx, boolean completed) {
        try {
            if (completed && tx.getStatus() == Status.STATUS_ACTIVE) {
                tx.commit();
            } else if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                tx.rollback();
            }
        } catch (SystemException | RollbackException | HeuristicMixedException | HeuristicRollbackException e) {
            if (completed) {
                throw new IllegalStateException("ending the page's transaction failed: " + e.getMessage(), e);
            }
            // the reads' own exception is on its way; this one would hide it
        }
    }

    private static UserTransaction userTransaction() {
        try {
            return (UserTransaction) new InitialContext().lookup("java:comp/UserTransaction");
        } catch (NamingException e) {
            throw new IllegalStateException("no UserTransaction: " + e.getMessage(), e);
        }
    }
}
