package org.keizu.serve;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.keizu.render.MachineMetadata;
import org.keizu.site.ShareImage;
import org.keizu.site.ShareImages;

/**
 * Share images kept from the previous build: each depends on its card and the site's name alone, so
 * an edit draws only the images whose card it changed. Only the images the latest build used are
 * kept, so memory stays that of one site however long the preview runs. Thread-safe: a build draws
 * images on several threads at once.
 */
final class RememberedShareImages implements ShareImages {
    private record ModelCard(MachineMetadata.ShareCard card, String siteName) {}

    private record SiteCard(String siteName, String tagline) {}

    private volatile Map<Object, byte[]> previous = Map.of();
    private volatile Map<Object, byte[]> current = new ConcurrentHashMap<>();
    private final AtomicInteger drawn = new AtomicInteger();

    /** Starts a build: what the last one used may be reused, the rest is forgotten. */
    void nextBuild() {
        previous = current;
        current = new ConcurrentHashMap<>();
        drawn.set(0);
    }

    /** How many images this build had to draw (the rest were reused). */
    int drawn() {
        return drawn.get();
    }

    @Override
    public byte[] model(MachineMetadata.ShareCard card, String siteName) {
        return remember(new ModelCard(card, siteName), () -> ShareImage.model(card, siteName));
    }

    @Override
    public byte[] site(String siteName, String tagline) {
        return remember(new SiteCard(siteName, tagline), () -> ShareImage.site(siteName, tagline));
    }

    private byte[] remember(Object card, Supplier<byte[]> draw) {
        return current.computeIfAbsent(
                card,
                key -> {
                    byte[] kept = previous.get(key);
                    if (kept != null) {
                        return kept;
                    }
                    drawn.incrementAndGet();
                    return draw.get();
                });
    }
}
