package dev.sema.translation;

import java.util.ArrayList;
import java.util.List;

/** A {@link SegmentListener} that keeps the segments it is handed, in order; its receiver never goes away. */
class RecordingListener implements SegmentListener {

    final List<StreamedSegment> segments = new ArrayList<>();

    @Override
    public void admitted() {
    }

    @Override
    public void translated(StreamedSegment segment) {
        segments.add(segment);
    }

    @Override
    public void finished() {
    }

    @Override
    public boolean await(long nanos) {
        return true;
    }
}
