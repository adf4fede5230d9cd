package th.go.ita.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;

/**
 * A Gregorian date with a year of 2400 or later is a Buddhist-era year typed by mistake (Thai
 * offices write 2569 for 2026): it would be stored 543 years ahead and every deadline with it. Any
 * {@code java.time} date read from JSON is checked after Jackson has parsed it; a year that far
 * ahead is refused as {@code urn:ita:problem:buddhist-era-date}, naming the field and the Gregorian
 * date to type instead.
 */
@Singleton
public class BuddhistEraDates implements ObjectMapperCustomizer {

    /** Years from here on are taken for Buddhist-era years (2400 BE is 1857 CE; no ITA date is that far ahead). */
    public static final int FIRST_BUDDHIST_ERA_YEAR = 2400;
    static final int BUDDHIST_ERA_OFFSET = 543;

    /** A date whose year is a Buddhist-era year: {@link ProblemMappers} answers it with its own problem type. */
    public static final class BuddhistEraDate extends InvalidFormatException {
        private final String typed;
        private final int year;

        BuddhistEraDate(JsonParser parser, String typed, Object value, Class<?> type, int year) {
            super(parser, "Year " + year + " looks like a Buddhist-era year", value, type);
            this.typed = typed;
            this.year = year;
        }

        /** What the caller sent. */
        public String typed() {
            return typed;
        }

        /** The same text with the year 543 less, which is what the caller most likely meant. */
        public String gregorian() {
            String gregorianYear = String.valueOf(year - BUDDHIST_ERA_OFFSET);
            return typed != null && typed.contains(String.valueOf(year))
                    ? typed.replaceFirst(String.valueOf(year), gregorianYear) : gregorianYear;
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("ita-buddhist-era-dates");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return Temporal.class.isAssignableFrom(description.getBeanClass())
                        ? new YearCheck(deserializer) : deserializer;
            }
        });
        mapper.registerModule(module);
    }

    /** The year of a date or time Jackson read, or null for a type without a calendar year. */
    static Integer yearOf(Object value) {
        if (value instanceof LocalDate d) {
            return d.getYear();
        }
        if (value instanceof LocalDateTime d) {
            return d.getYear();
        }
        if (value instanceof OffsetDateTime d) {
            return d.getYear();
        }
        if (value instanceof ZonedDateTime d) {
            return d.getYear();
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC).getYear();
        }
        return null;
    }

    private static final class YearCheck extends DelegatingDeserializer {
        YearCheck(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new YearCheck(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String typed = parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText() : null;
            Object value = super.deserialize(parser, context);
            Integer year = yearOf(value);
            if (year != null && year >= FIRST_BUDDHIST_ERA_YEAR) {
                throw new BuddhistEraDate(parser, typed, value, handledType(), year);
            }
            return value;
        }
    }
}
