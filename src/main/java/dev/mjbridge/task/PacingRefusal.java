package dev.mjbridge.task;

import dev.mjbridge.account.Account;
import dev.mjbridge.account.PacingBlock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Says why no eligible account takes a task when pacing is the reason: every one of them
 * at its daily limit or outside its work hours, and until when.
 */
final class PacingRefusal {

    private PacingRefusal() {
    }

    /** The reason, or empty when some eligible account is held back by something else (its queue). */
    static Optional<String> reason(List<Account> eligible) {
        List<PacingBlock> blocks = new ArrayList<>();
        for (Account account : eligible) {
            Optional<PacingBlock> block = account.pacing().blocked();
            if (block.isEmpty()) {
                return Optional.empty();
            }
            blocks.add(block.get());
        }
        PacingBlock soonest = blocks.stream().min(Comparator.comparing(PacingBlock::until)).orElseThrow();
        if (blocks.stream().allMatch(b -> b instanceof PacingBlock.DailyLimit)) {
            return Optional.of("all accounts at their daily limit until " + soonest.untilText());
        }
        if (blocks.stream().allMatch(b -> b instanceof PacingBlock.OutsideWorkHours)) {
            return Optional.of("no account in its work hours until " + soonest.untilText());
        }
        return Optional.of("every account is at its daily limit or outside its work hours; the first takes work again at "
                + soonest.untilText());
    }
}
