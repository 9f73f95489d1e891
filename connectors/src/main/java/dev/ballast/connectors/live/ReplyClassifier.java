package dev.ballast.connectors.live;

/** Reads one venue's replies into verdicts. Stateless; called on the caller's I/O thread. */
@FunctionalInterface
public interface ReplyClassifier {
    ReplyVerdict classify(RestReply reply);
}
