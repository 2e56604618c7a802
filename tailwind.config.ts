import type { Config } from "tailwindcss";

// Colours come from CSS variables (app/globals.css) so charts, the map and components share one
// palette. Status colours are the Okabe–Ito set, distinguishable with the common colour-vision
// deficiencies; status is never shown by colour alone (components add an icon and a word).
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        bg: "var(--color-bg)",
        surface: "var(--color-surface)",
        "surface-2": "var(--color-surface-2)",
        border: "var(--color-border)",
        text: "var(--color-text)",
        muted: "var(--color-muted)",
        accent: "var(--color-accent)",
        "accent-fg": "var(--color-accent-fg)",
        within: "var(--color-within)",
        near: "var(--color-near)",
        breach: "var(--color-breach)",
        "within-bg": "var(--color-within-bg)",
        "near-bg": "var(--color-near-bg)",
        "breach-bg": "var(--color-breach-bg)",
      },
      fontFamily: {
        sans: [
          "Inter",
          "ui-sans-serif",
          "system-ui",
          "-apple-system",
          "Segoe UI",
          "Roboto",
          "Helvetica Neue",
          "Arial",
          "sans-serif",
        ],
        mono: ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
      },
      borderRadius: { card: "0.75rem" },
    },
  },
};

export default config;
