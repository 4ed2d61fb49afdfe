package io.tracker.domain.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracker.domain.attribution.PathHistogram.Bucket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PathHistogramTest {

    @Test
    void timeLagDaysFallIntoGoogleAdsLikeBuckets() {
        // 0 days: 3; 6 days: 1; 7 and 13 days: 2 + 1 (one bucket); 14: 1; 59: 1; 60 and 400: 1 + 1.
        List<Bucket> buckets = PathHistogram.TIME_LAG.buckets(Map.of(0, 3L, 6, 1L, 7, 2L, 13, 1L, 14, 1L, 59, 1L,
                60, 1L, 400, 1L));
        assertThat(buckets).extracting(Bucket::range).containsExactly("0", "1", "2", "3", "4", "5", "6",
                "7\u201313", "14\u201329", "30\u201359", "60+");
        assertThat(buckets).extracting(Bucket::conversions).containsExactly(3L, 0L, 0L, 0L, 0L, 0L, 1L, 3L, 1L, 1L, 2L);
        assertThat(buckets.get(0).share()).isEqualTo(3.0 / 11);
        assertThat(buckets.get(10).to()).isNull();
        assertThat(buckets.get(7).from()).isEqualTo(7);
        assertThat(buckets.get(7).to()).isEqualTo(13);
    }

    @Test
    void pathLengths() {
        List<Bucket> buckets = PathHistogram.PATH_LENGTH.buckets(Map.of(1, 5L, 2, 2L, 5, 1L, 6, 1L, 10, 1L, 11, 4L));
        assertThat(buckets).extracting(Bucket::range).containsExactly("1", "2", "3", "4", "5", "6\u201310", "11+");
        assertThat(buckets).extracting(Bucket::conversions).containsExactly(5L, 2L, 0L, 0L, 1L, 2L, 4L);
    }

    @Test
    void noConversionsGiveEmptyBucketsWithoutDividingByZero() {
        assertThat(PathHistogram.PATH_LENGTH.buckets(Map.of())).allSatisfy(b -> {
            assertThat(b.conversions()).isZero();
            assertThat(b.share()).isZero();
        });
    }
}
