package io.tracker.application.reporting.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracker.domain.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecipientsTest {

    @Test
    void plainAddressesAreKeptTrimmedOnceEach() {
        assertThat(Recipients.checked(List.of(" ceo@client.example ", "o'brien+reports@mail.client.co.uk",
                "CEO@client.example"))).containsExactly("ceo@client.example", "o'brien+reports@mail.client.co.uk");
    }

    @Test
    void anythingElseIsNamed() {
        for (String bad : List.of("", "ceo", "@client.example", "ceo@", "ceo@localhost", "ceo@client..example",
                "ceo@-client.example", "two@at@client.example", "ceo.@client.example", "Ceo <ceo@client.example>",
                "ceo@client.example\r\nBcc: x@evil.example", "a b@client.example", "ceo@client.c0m")) {
            assertThatThrownBy(() -> Recipients.checked(List.of("ok@client.example", bad)))
                    .as(bad).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("recipients[1]: ");
        }
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> Recipients.checked(withNull)).hasMessage("recipients[0]: empty");
        assertThatThrownBy(() -> Recipients.checked(List.of())).hasMessageStartingWith("recipients: give 1 to 20");
        assertThatThrownBy(() -> Recipients.checked(null)).hasMessageStartingWith("recipients: give 1 to 20");
    }

    @Test
    void atMostTwentyDifferentOnes() {
        List<String> twenty = IntStream.rangeClosed(1, 20).mapToObj(i -> "r" + i + "@client.example").toList();
        assertThat(Recipients.checked(twenty)).hasSize(20);
        List<String> twentyOne = new ArrayList<>(twenty);
        twentyOne.add("r21@client.example");
        assertThatThrownBy(() -> Recipients.checked(twentyOne)).hasMessage("recipients: 21 addresses; at most 20");
        List<String> repeated = new ArrayList<>(twenty);
        repeated.add("R1@client.example");
        assertThat(Recipients.checked(repeated)).hasSize(20);
    }
}
