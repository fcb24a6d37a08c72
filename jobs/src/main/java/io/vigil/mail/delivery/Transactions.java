package io.vigil.mail.delivery;

import java.util.function.Supplier;

/** Runs work in a transaction of its own, committed when it returns, rolled back when it throws. */
public interface Transactions {

    <T> T inNewTransaction(Supplier<T> work);
}
