// Tailwind 4 runs as a PostCSS plugin in Next; the theme lives in tailwind.config.ts (@config).
export default { plugins: { "@tailwindcss/postcss": {} } };
