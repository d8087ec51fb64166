#pragma once
// A tiny deterministic PRNG (splitmix64) for the demo tenant: the same seed gives the same
// tenant on every platform, independent of QRandomGenerator's implementation.
#include <QtGlobal>

namespace ledger::sim {

class SplitMix64 {
public:
    explicit SplitMix64(quint64 seed = 0) : m_state(seed) { }

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n); n > 0.
    int bounded(int n) { return n <= 0 ? 0 : int(next() % quint64(n)); }
    // Uniform in [lo, hi] (inclusive).
    int range(int lo, int hi) { return hi <= lo ? lo : lo + bounded(hi - lo + 1); }
    // Uniform in [0, 1).
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return unit() < p; }
    template<typename List> const auto &pick(const List &list) { return list[bounded(int(list.size()))]; }

    // A hash of data mixed with a seed (FNV-1a then one splitmix round): used to derive
    // per-URL decisions that do not depend on request order.
    static quint64 hash(quint64 seed, const char *data, qsizetype size)
    {
        quint64 h = 0xcbf29ce484222325ULL ^ seed;
        for (qsizetype i = 0; i < size; ++i) {
            h ^= quint8(data[i]);
            h *= 0x100000001b3ULL;
        }
        SplitMix64 mix(h);
        return mix.next();
    }

private:
    quint64 m_state;
};

} // namespace ledger::sim
