package io.tracker.domain.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.domain.shared.ContentTooLargeException;
import io.tracker.domain.shared.InvalidInputException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathFileTest {

    private static PathFile read(String text, char separator) {
        return PathFile.read(new StringReader(text), separator);
    }

    @Test
    void repeatedPathsAreSummedAndChannelsTrimmed() {
        PathFile file = read("""
                path;total_conversions;total_conversion_value;total_null
                eta > iota;1;0.244;3
                beta;0;0;2
                eta>iota ;2;1.5;0
                """, ';');

        assertThat(file.rejected()).isEmpty();
        assertThat(file.goodLines()).isEqualTo(3);
        assertThat(file.paths()).containsExactly(
                new PathCount(List.of("eta", "iota"), 3, new BigDecimal("1.744"), 3),
                new PathCount(List.of("beta"), 0, new BigDecimal("0"), 2));
    }

    @Test
    void badLinesAreReportedWithTheirNumbersAndGoodOnesKept() {
        PathFile file = read("""
                path;total_conversions;total_conversion_value;total_null
                a > b;1;2;3

                a > > b;1;2;3
                a;one;2;3
                a;1;-2;3
                a;1.5;2;3
                a;0;2;3
                a;1;2
                b;2.0;;1
                \t;1;1;1
                """, ';');

        assertThat(file.paths()).containsExactly(
                new PathCount(List.of("a", "b"), 1, new BigDecimal("2"), 3),
                new PathCount(List.of("b"), 2, BigDecimal.ZERO, 1));
        assertThat(file.rejectedCount()).isEqualTo(7);
        assertThat(file.rejected()).extracting(PathLineError::line).containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 11L);
        assertThat(file.rejected()).extracting(PathLineError::reason).satisfiesExactly(
                r -> assertThat(r).contains("step 2 of the path is empty"),
                r -> assertThat(r).contains("total_conversions 'one' is not a number"),
                r -> assertThat(r).contains("total_conversion_value '-2' is negative"),
                r -> assertThat(r).contains("'1.5' is not a whole number"),
                r -> assertThat(r).contains("value needs conversions"),
                r -> assertThat(r).contains("expected 4 fields separated by ';', found 3"),
                r -> assertThat(r).contains("the path is empty"));
    }

    @Test
    void otherSeparatorsHeaderlessFilesAndColumnsByName() {
        assertThat(read("a > b,1,2.5,0\n", ',').paths())
                .containsExactly(new PathCount(List.of("a", "b"), 1, new BigDecimal("2.5"), 0));
        assertThat(read("\uFEFFtotal_null\tpath\ttotal_conversions\ttotal_conversion_value\n4\tx > y\t1\t3\n", '\t').paths())
                .containsExactly(new PathCount(List.of("x", "y"), 1, new BigDecimal("3"), 4));
        assertThat(read("\"a > b\";1;2;0\n", ';').paths()).hasSize(1);
    }

    @Test
    void theWrongSeparatorIsExplained() {
        PathFile file = read("a > b;1;2;3\n", ',');

        assertThat(file.paths()).isEmpty();
        assertThat(file.rejected()).singleElement().extracting(PathLineError::reason).asString()
                .contains("found 1").contains("looks separated by ';'");
        assertThatThrownBy(() -> read("path,conversions\n", ',')).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lacks the column total_conversions");
        assertThatThrownBy(() -> read("a;1;1;1", '|')).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void boundsAreEnforced() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= PathFile.MAX_CHANNELS; i++) {
            many.append("c").append(i).append(";1;1;0\n");
        }
        assertThatThrownBy(() -> read(many.toString(), ';')).isInstanceOf(ContentTooLargeException.class)
                .hasMessageContaining("more than 100 distinct channels");

        StringBuilder lines = new StringBuilder();
        for (int i = 0; i <= PathFile.MAX_LINES; i++) {
            lines.append("a;0;0;1\n");
        }
        assertThatThrownBy(() -> read(lines.toString(), ';')).isInstanceOf(ContentTooLargeException.class)
                .hasMessageContaining("more than 200000 data lines");
        assertThat(read("a > " + "x".repeat(101) + ";1;1;1\n", ';').rejected()).singleElement()
                .extracting(PathLineError::reason).asString().contains("longer than 100 characters");
    }
}
