/**
 * Hero artwork: a stirred-tank bioreactor feeding a chromatography column, next to a
 * chromatogram and a completed checklist — upstream, downstream and quality in one picture.
 * Decorative (aria-hidden); all meaning is in the text beside it.
 */
export function HeroIllustration({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 480 400" aria-hidden="true" focusable="false" className={className}>
      <defs>
        <linearGradient id="ft-hero-bg" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#d5ecea" />
          <stop offset="1" stopColor="#f3faf9" />
        </linearGradient>
        <linearGradient id="ft-hero-liquid" x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#75bfb7" />
          <stop offset="1" stopColor="#0f766e" />
        </linearGradient>
        <linearGradient id="ft-hero-peak" x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#14968b" stopOpacity="0.35" />
          <stop offset="1" stopColor="#14968b" stopOpacity="0" />
        </linearGradient>
      </defs>

      <rect x="8" y="16" width="464" height="368" rx="36" fill="url(#ft-hero-bg)" />
      {/* dotted grid */}
      <g fill="#0f766e" opacity="0.18">
        {Array.from({ length: 6 }, (_, row) =>
          Array.from({ length: 4 }, (_, col) => (
            <circle key={`${row}-${col}`} cx={40 + col * 16} cy={48 + row * 16} r="2" />
          )),
        )}
      </g>
      {/* molecule */}
      <g stroke="#0b5f59" strokeWidth="2.5" fill="#fff" opacity="0.9">
        <path d="M408 40 l14 8 v16 l-14 8 l-14 -8 v-16 z" />
        <path d="M436 64 l14 8 v16 l-14 8 l-14 -8 v-16 z" />
      </g>

      {/* bench */}
      <rect x="36" y="322" width="408" height="14" rx="7" fill="#aad9d4" />

      {/* bioreactor */}
      <g>
        <rect x="118" y="86" width="44" height="28" rx="7" fill="#094a46" />
        <rect x="90" y="112" width="100" height="16" rx="6" fill="#0b5f59" />
        <path
          d="M100 128h80v150a26 26 0 0 1-26 26h-28a26 26 0 0 1-26-26z"
          fill="#fff"
          stroke="#0b5f59"
          strokeWidth="3"
        />
        <path
          d="M103 176c12-7 24 7 37 0s25 7 37 0v102a23 23 0 0 1-23 23h-28a23 23 0 0 1-23-23z"
          fill="url(#ft-hero-liquid)"
        />
        <line
          x1="140"
          y1="114"
          x2="140"
          y2="276"
          stroke="#094a46"
          strokeWidth="4"
          strokeLinecap="round"
        />
        <rect x="120" y="232" width="40" height="7" rx="3.5" fill="#063733" />
        <rect x="124" y="264" width="32" height="7" rx="3.5" fill="#063733" />
        <g fill="#fff" opacity="0.85">
          <circle cx="118" cy="252" r="4" />
          <circle cx="124" cy="212" r="3" />
          <circle cx="160" cy="222" r="3.5" />
          <circle cx="156" cy="196" r="2.5" />
          <circle cx="116" cy="190" r="2" />
        </g>
        <rect x="108" y="304" width="8" height="18" rx="2" fill="#0b5f59" />
        <rect x="164" y="304" width="8" height="18" rx="2" fill="#0b5f59" />
        {/* probes */}
        <line
          x1="112"
          y1="112"
          x2="112"
          y2="164"
          stroke="#0b5f59"
          strokeWidth="3"
          strokeLinecap="round"
        />
        <line
          x1="168"
          y1="112"
          x2="168"
          y2="150"
          stroke="#0b5f59"
          strokeWidth="3"
          strokeLinecap="round"
        />
      </g>

      {/* tubing */}
      <path
        d="M190 120c34 0 36-26 66-26"
        fill="none"
        stroke="#0f766e"
        strokeWidth="4"
        strokeLinecap="round"
      />
      <circle cx="222" cy="108" r="7" fill="#fff" stroke="#0f766e" strokeWidth="3" />

      {/* chromatography column */}
      <g>
        <rect x="250" y="86" width="40" height="14" rx="5" fill="#094a46" />
        <rect
          x="258"
          y="100"
          width="24"
          height="186"
          rx="4"
          fill="#fff"
          stroke="#0b5f59"
          strokeWidth="3"
        />
        <rect x="261" y="118" width="18" height="34" fill="#d5ecea" />
        <rect x="261" y="158" width="18" height="22" fill="#75bfb7" />
        <rect x="261" y="186" width="18" height="14" fill="#14968b" />
        <rect x="261" y="206" width="18" height="60" fill="#aad9d4" />
        <rect x="250" y="286" width="40" height="14" rx="5" fill="#094a46" />
        <rect x="266" y="300" width="8" height="22" rx="2" fill="#0b5f59" />
      </g>

      {/* chromatogram card */}
      <g>
        <rect
          x="318"
          y="78"
          width="136"
          height="108"
          rx="16"
          fill="#0b5f59"
          opacity="0.1"
          transform="translate(4 6)"
        />
        <rect x="318" y="78" width="136" height="108" rx="16" fill="#fff" />
        <rect x="334" y="94" width="48" height="7" rx="3.5" fill="#d5ecea" />
        <rect x="334" y="106" width="28" height="7" rx="3.5" fill="#eef7f6" />
        <line x1="334" y1="168" x2="440" y2="168" stroke="#d4d4d8" strokeWidth="2" />
        <path
          d="M334 166h16c10 0 10-46 20-46s10 46 20 46h8c6 0 6-20 12-20s6 20 12 20h18"
          fill="url(#ft-hero-peak)"
        />
        <path
          d="M334 166h16c10 0 10-46 20-46s10 46 20 46h8c6 0 6-20 12-20s6 20 12 20h18"
          fill="none"
          stroke="#0f766e"
          strokeWidth="3"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </g>

      {/* checklist card */}
      <g>
        <rect
          x="318"
          y="204"
          width="136"
          height="104"
          rx="16"
          fill="#0b5f59"
          opacity="0.1"
          transform="translate(4 6)"
        />
        <rect x="318" y="204" width="136" height="104" rx="16" fill="#fff" />
        {[228, 256, 284].map((y, i) => (
          <g key={y}>
            <circle cx="342" cy={y} r="9" fill={i < 2 ? "#0f766e" : "#d5ecea"} />
            {i < 2 ? (
              <path
                d={`M337.5 ${y}l3 3 6-6`}
                fill="none"
                stroke="#fff"
                strokeWidth="2.5"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            ) : null}
            <rect
              x="358"
              y={y - 4}
              width={i === 1 ? 64 : 80}
              height="8"
              rx="4"
              fill={i < 2 ? "#aad9d4" : "#eef7f6"}
            />
          </g>
        ))}
      </g>
    </svg>
  );
}
