package io.tracker.application.tracking.collection;

/**
 * The queue's bound: hits and their estimated bytes are admitted only while both stay within the
 * limits, and given back once written. What memory collection holds is therefore bounded whatever the
 * load: a full queue is refused at once ({@link QueueFullException}), never waited on.
 */
final class Admission {

    private final int maxHits;
    private final long maxBytes;
    private long hits;
    private long bytes;

    Admission(int maxHits, long maxBytes) {
        this.maxHits = maxHits;
        this.maxBytes = maxBytes;
    }

    synchronized boolean tryAcquire(int moreHits, long moreBytes) {
        if (hits + moreHits > maxHits || bytes + moreBytes > maxBytes) {
            return false;
        }
        hits += moreHits;
        bytes += moreBytes;
        return true;
    }

    synchronized void release(int lessHits, long lessBytes) {
        hits -= lessHits;
        bytes -= lessBytes;
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long bytes() {
        return bytes;
    }
}
