package io.tracker.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefaultChannelGroupingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            explicit channel wins over a gclid       | Facebook | -          | -            | -                                   | g1 | -  | -  | Facebook
            explicit channel is trimmed              | ' Radio '| -          | -            | -                                   | -  | -  | -  | Radio
            gclid alone is paid search               | -        | -          | -            | -                                   | g1 | -  | -  | Paid Search
            msclkid alone is paid search             | -        | -          | -            | -                                   | -  | -  | m1 | Paid Search
            email medium                             | -        | newsletter | email        | -                                   | -  | -  | -  | Email
            email medium ignores case                | -        | news       | E-Mail       | -                                   | -  | -  | -  | Email
            sms medium                               | -        | twilio     | sms          | -                                   | -  | -  | -  | SMS
            sms link with a gclid stays sms          | -        | -          | sms          | -                                   | g1 | -  | -  | SMS
            sms source without a medium is sms       | -        | sms        | -            | -                                   | -  | -  | -  | SMS
            email source without a medium is email   | -        | email      | -            | -                                   | -  | -  | -  | Email
            sms source with another medium is not    | -        | sms        | cpc          | -                                   | -  | -  | -  | Paid Search
            display medium                           | -        | gdn        | cpm          | -                                   | -  | -  | -  | Display
            affiliate medium                         | -        | awin       | affiliate    | -                                   | -  | -  | -  | Affiliates
            video medium                             | -        | youtube    | video        | -                                   | -  | -  | -  | Video
            cpc on a social source is paid social    | -        | facebook   | cpc          | -                                   | -  | -  | -  | Paid Social
            paid_social medium                       | -        | tiktok     | paid_social  | -                                   | -  | -  | -  | Paid Social
            cpc with fbclid is paid social           | -        | acme       | cpc          | -                                   | -  | f1 | -  | Paid Social
            cpc on youtube is video                  | -        | youtube    | cpc          | -                                   | -  | -  | -  | Video
            cpc on google is paid search             | -        | google     | cpc          | -                                   | -  | -  | -  | Paid Search
            fbclid without paid medium is organic    | -        | -          | -            | -                                   | -  | f1 | -  | Organic Social
            organic medium                           | -        | google     | organic      | -                                   | -  | -  | -  | Organic Search
            social medium                            | -        | linkedin   | social       | -                                   | -  | -  | -  | Organic Social
            referral medium                          | -        | partner.io | referral     | -                                   | -  | -  | -  | Referral
            search engine source without medium      | -        | bing       | -            | -                                   | -  | -  | -  | Organic Search
            unknown tags are other                   | -        | radio-spot | qr           | -                                   | -  | -  | -  | Other
            google referrer with country domain      | -        | -          | -            | https://www.google.co.uk/search?q=x | -  | -  | -  | Organic Search
            duckduckgo referrer                      | -        | -          | -            | https://duckduckgo.com/             | -  | -  | -  | Organic Search
            t.co referrer is organic social          | -        | -          | -            | https://t.co/abc                    | -  | -  | -  | Organic Social
            facebook referrer is organic social      | -        | -          | -            | https://l.facebook.com/l.php?u=x    | -  | -  | -  | Organic Social
            youtube referrer is video                | -        | -          | -            | https://www.youtube.com/watch?v=1   | -  | -  | -  | Video
            other site is referral                   | -        | -          | -            | https://blog.example.org/post       | -  | -  | -  | Referral
            unparseable referrer is direct           | -        | -          | -            | 'not a url ::'                      | -  | -  | -  | Direct
            nothing is direct                        | -        | -          | -            | -                                   | -  | -  | -  | Direct
            blank values are nothing                 | ' '      | ' '        | ' '          | ' '                                 | -  | -  | -  | Direct
            """)
    void classifies(String rule, String channel, String source, String medium, String referrer, String gclid,
                    String fbclid, String msclkid, String expected) {
        TrafficSignals signals = new TrafficSignals(channel, source, medium, referrer, gclid, fbclid, msclkid);

        assertThat(DefaultChannelGrouping.classify(signals)).as(rule).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            gbraid alone is paid search              | -          | -     | g1 | -  | -  | -  | Paid Search
            wbraid alone is paid search              | -          | -     | -  | w1 | -  | -  | Paid Search
            ttclid alone is paid social              | -          | -     | -  | -  | t1 | -  | Paid Social
            li_fat_id alone is paid social           | -          | -     | -  | -  | -  | l1 | Paid Social
            an email link with a ttclid stays email  | newsletter | email | -  | -  | t1 | -  | Email
            """)
    void classifiesTheNewerClickIds(String rule, String source, String medium, String gbraid, String wbraid,
                                    String ttclid, String liFatId, String expected) {
        TrafficSignals signals = new TrafficSignals(null, source, medium, null, null, null, null,
                gbraid, wbraid, ttclid, liFatId);

        assertThat(DefaultChannelGrouping.classify(signals)).as(rule).isEqualTo(expected);
    }
}
