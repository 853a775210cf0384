package dev.tarjim.translation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarjim.testing.DynamoTable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The daily character cap as an atomic counter in dynalite. */
class DynamoTranslationBudgetTest {
    private static final Clock DAY_ONE = Clock.fixed(Instant.parse("2026-12-01T23:59:00Z"), ZoneOffset.UTC);
    private static final Clock DAY_TWO = Clock.fixed(Instant.parse("2026-12-02T00:01:00Z"), ZoneOffset.UTC);
    private static DynamoTable db;

    @BeforeAll
    static void start() {
        db = DynamoTable.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void reserve_upToTheCap_thenRefusesWhatWouldCrossItWithoutSpendingIt() {
        DynamoTranslationBudget budget = new DynamoTranslationBudget(db.dynamo, db.newTable(), 100, DAY_ONE);

        assertThat(budget.reserve(60)).isTrue();
        assertThat(budget.reserve(41)).isFalse();
        assertThat(budget.spent()).isEqualTo(60);
        assertThat(budget.reserve(40)).isTrue();
        assertThat(budget.spent()).isEqualTo(100);
        assertThat(budget.available()).isFalse();
        assertThat(budget.reserve(1)).isFalse();
        assertThat(budget.reserve(0)).isTrue();
    }

    @Test
    void reserve_moreThanTheWholeCap_isRefusedAtOnce() {
        DynamoTranslationBudget budget = new DynamoTranslationBudget(db.dynamo, db.newTable(), 100, DAY_ONE);

        assertThat(budget.reserve(101)).isFalse();
        assertThat(budget.spent()).isZero();
        assertThat(budget.available()).isTrue();
    }

    @Test
    void nextUtcDay_startsAFreshBudget() {
        String table = db.newTable();
        DynamoTranslationBudget today = new DynamoTranslationBudget(db.dynamo, table, 100, DAY_ONE);
        assertThat(today.reserve(100)).isTrue();

        DynamoTranslationBudget tomorrow = new DynamoTranslationBudget(db.dynamo, table, 100, DAY_TWO);

        assertThat(tomorrow.available()).isTrue();
        assertThat(tomorrow.reserve(100)).isTrue();
        assertThat(today.spent()).isEqualTo(100);
    }

    @Test
    void raisedCap_appliesToWhatWasSpentToday() {
        String table = db.newTable();
        assertThat(new DynamoTranslationBudget(db.dynamo, table, 100, DAY_ONE).reserve(90)).isTrue();

        DynamoTranslationBudget raised = new DynamoTranslationBudget(db.dynamo, table, 200, DAY_ONE);

        assertThat(raised.reserve(110)).isTrue();
        assertThat(raised.reserve(1)).isFalse();
        assertThat(raised.spent()).isEqualTo(200);
    }

    @Test
    void concurrentSpenders_neverExceedTheCap_andSpendExactlyWhatWasGranted() throws Exception {
        String table = db.newTable();
        long cap = 1_000;
        DynamoTranslationBudget budget = new DynamoTranslationBudget(db.dynamo, table, cap, DAY_ONE);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> spenders = new ArrayList<>();
            for (int s = 0; s < 8; s++) {
                long size = 7 + s * 6; // different sizes: the last grants are a race between partial fits
                spenders.add(() -> {
                    long granted = 0;
                    for (int i = 0; i < 15; i++) {
                        if (budget.reserve(size)) {
                            granted += size;
                        }
                    }
                    return granted;
                });
            }
            long granted = 0;
            for (Future<Long> f : pool.invokeAll(spenders)) {
                granted += f.get();
            }
            // 8 spenders asking 15 times for 7..49 characters: 3,360 wanted, far over the cap.
            assertThat(granted).isLessThanOrEqualTo(cap).isGreaterThan(cap - 49);
            assertThat(budget.spent()).isEqualTo(granted);
        } finally {
            pool.shutdownNow();
        }
    }
}
