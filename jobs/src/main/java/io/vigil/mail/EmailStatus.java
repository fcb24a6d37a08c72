package io.vigil.mail;

/** Where an email of the outbox is: waiting to be sent (again), sent, or given up on until an operator retries it. */
public enum EmailStatus {
    PENDING, SENT, FAILED
}
