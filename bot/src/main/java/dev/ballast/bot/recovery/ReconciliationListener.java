package dev.ballast.bot.recovery;

/**
 * Told when a periodic reconciliation finds what it cannot explain (a balance off beyond tolerance on two checks in
 * a row). The risk layer turns it into HALTED. Called on the engine thread; must not block.
 */
@FunctionalInterface
public interface ReconciliationListener {
    void onReconciliationFailure(ReconciliationFailure failure);
}
