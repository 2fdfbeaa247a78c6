package dev.sema.fasttext;

import java.util.Arrays;

/** Growable int list used as per-call scratch space for input row ids and word hashes. */
final class Ints {

    private int[] data;
    private int size;

    Ints(int capacity) {
        data = new int[Math.max(4, capacity)];
    }

    void add(int value) {
        if (size == data.length) {
            data = Arrays.copyOf(data, size * 2);
        }
        data[size++] = value;
    }

    void addAll(int[] values) {
        if (size + values.length > data.length) {
            data = Arrays.copyOf(data, Math.max(size * 2, size + values.length));
        }
        System.arraycopy(values, 0, data, size, values.length);
        size += values.length;
    }

    int get(int i) {
        return data[i];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
