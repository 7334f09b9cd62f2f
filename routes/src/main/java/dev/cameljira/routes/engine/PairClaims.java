package dev.cameljira.routes.engine;

import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims a pair for the replica that syncs it, so two replicas never work on the same ticket / incident at the same
 * moment: a webhook delivered to one pod and the leader's poll of the same change, or two Zendesk events of one new
 * ticket delivered to two pods, would otherwise both find no issue and both create one (or both find a comment not
 * yet copied and both copy it). Within one JVM {@link KeyedLocks} does this; across replicas a shared
 * {@link IdempotentRepository} does: {@code add} claims, {@code remove} releases.
 *
 * <p>The repository must add atomically across replicas ({@link dev.cameljira.routes.JdbcClaimRepository}, which also
 * lets one replica take over the claim of a replica that died holding it). A claim held elsewhere, or a repository that
 * cannot be reached, makes the event {@link SyncUnavailableException unavailable}: retried with backoff, then handed
 * back to its source, so the replica that tries again sees what the other one wrote.
 */
final class PairClaims {
    private static final Logger LOG = LoggerFactory.getLogger(PairClaims.class);

    private final IdempotentRepository repository;
    private final String prefix;

    /** @param repository null: no claims (one replica; {@link KeyedLocks} suffice) */
    PairClaims(IdempotentRepository repository, String systemKey) {
        this.repository = repository;
        this.prefix = "claim:" + systemKey + ":";
    }

    /** Runs {@code work} holding the claim on the pair of the record {@code id}; {@code what} names it in messages. */
    void run(String id, String what, String link, Runnable work) {
        if (repository == null) {
            work.run();
            return;
        }
        String key = prefix + id;
        if (!claim(key, what, link)) {
            throw new SyncUnavailableException(what + " is being synced by another replica at this moment; tried again "
                    + "once it is done", link, null);
        }
        try {
            work.run();
        } finally {
            try {
                repository.remove(key);
            } catch (RuntimeException ex) {
                // the claim ages out (JdbcClaimRepository: 15 s): the pair waits that long, nothing is lost
                LOG.warn("could not release the claim on {} ({}); other replicas wait until it ages out", what,
                        Failures.reason(ex));
            }
        }
    }

    private boolean claim(String key, String what, String link) {
        try {
            return repository.add(key);
        } catch (RuntimeException ex) {
            // two replicas inserting the same claim at once: the primary key refuses the second
            boolean heldElsewhere;
            try {
                heldElsewhere = repository.contains(key);
            } catch (RuntimeException again) {
                heldElsewhere = false;
            }
            if (heldElsewhere) {
                return false;
            }
            throw new SyncUnavailableException("cannot claim " + what + " for this replica: the claim repository "
                    + "failed (" + Failures.reason(ex) + ")", link, ex);
        }
    }
}
