package dev.buildrunner.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The parser's bounded caches: least recently used entries go first, by count and by weight. */
class LruCacheTest {

    @Test
    void evictsTheLeastRecentlyUsedBeyondTheEntryBound() {
        LruCache<String, Integer> c = new LruCache<>(2, 100, String::length);
        c.put("a", 1);
        c.put("b", 2);
        assertThat(c.get("a")).isEqualTo(1); // "b" is now the least recently used
        c.put("c", 3);
        assertThat(c.get("b")).isNull();
        assertThat(c.get("a")).isEqualTo(1);
        assertThat(c.get("c")).isEqualTo(3);
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.hits()).isEqualTo(3);
        assertThat(c.misses()).isEqualTo(1);
    }

    @Test
    void evictsBeyondTheWeightBoundAndNeverKeepsAnEntryHeavierThanIt() {
        LruCache<String, Integer> c = new LruCache<>(100, 10, String::length);
        c.put("aaaa", 1);
        c.put("bbbb", 2);
        c.put("cccc", 3); // 12 characters: "aaaa" goes
        assertThat(c.get("aaaa")).isNull();
        assertThat(c.size()).isEqualTo(2);
        c.put("x".repeat(11), 4);
        assertThat(c.get("x".repeat(11))).isNull();
        assertThat(c.size()).isEqualTo(2);
        c.put("bbbb", 5); // replacing keeps the weight
        c.put("dd", 6);
        assertThat(c.get("bbbb")).isEqualTo(5);
        assertThat(c.get("cccc")).isEqualTo(3);
        assertThat(c.get("dd")).isEqualTo(6);
    }

    @Test
    void rejectsEmptyBounds() {
        assertThatThrownBy(() -> new LruCache<String, Integer>(0, 1, String::length))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got: 0, 1");
        assertThatThrownBy(() -> new SpecParser(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got: -1");
    }

    @Test
    void textRegionsEqualTheStringsOfTheirCharacters() {
        String text = "## A\nbody\n## B\n";
        TextRegion region = new TextRegion(text, 5, 10);
        assertThat(region).isEqualTo(TextRegion.of("body\n")).hasSameHashCodeAs(TextRegion.of("body\n"));
        assertThat(region.hashCode()).isEqualTo("body\n".hashCode());
        assertThat(region).isNotEqualTo(new TextRegion(text, 5, 9)).isNotEqualTo(TextRegion.of("bodY\n"));
        assertThat(region.toString()).isEqualTo("body\n");
    }
}
