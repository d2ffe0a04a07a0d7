package io.circlebridge.poller.circleci;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2020-12-24T12:59:23Z                          | 2020-12-24T12:59:23Z",
        "2020-12-24T12:59:23.906Z                      | 2020-12-24T12:59:23.906Z",
        "2022-05-27T16:20:13.954328Z                   | 2022-05-27T16:20:13.954328Z",
        "2024-12-18T17:23:29.361740256Z                | 2024-12-18T17:23:29.361740256Z",
        "2023-04-14T21:20:14+0000                      | 2023-04-14T21:20:14Z",
        "2022-04-13T11:10:16+00:00                     | 2022-04-13T11:10:16Z",
        "2022-04-13T13:10:16+02:00                     | 2022-04-13T11:10:16Z",
        "2022-04-13T06:10:16.5-0500                    | 2022-04-13T11:10:16.5Z",
        "2022-04-13T11:10:16+00                        | 2022-04-13T11:10:16Z",
        "2022-04-13T11:10:16                           | 2022-04-13T11:10:16Z",
        "2022-04-13 11:10:16.25Z                       | 2022-04-13T11:10:16.25Z",
        "#joda/inst 2023-04-14T21:20:14+0000           | 2023-04-14T21:20:14Z",
        "2024-12-18 17:23:29.361740256 +0000 UTC       | 2024-12-18T17:23:29.361740256Z",
        "2020-12-24t12:59:23z                          | 2020-12-24T12:59:23Z"
    })
    void shouldParseEveryPrecisionAndOffsetForm(String text, String expected) {
        assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "yesterday", "2020-13-45T99:99:99Z", "#joda/inst", "1608814763"})
    void shouldReturnNullForUnrecognizableText(String text) {
        assertThat(Timestamps.parse(text)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "1608814763,       2020-12-24T12:59:23Z",
        "1608814763.5,     2020-12-24T12:59:23.5Z",
        "1608814763906,    2020-12-24T12:59:23.906Z"
    })
    void shouldReadEpochNumbers(double value, String expected) {
        assertThat(Timestamps.fromEpochNumber(value)).isEqualTo(Instant.parse(expected));
    }
}
