// `cem analyze` (run by `pnpm build`, after `vite build`): writes custom-elements.json, the
// manifest that editors and docs tools read, from the components' JSDoc (@summary @event
// @csspart @cssproperty) and their Lit properties. The plugin below keeps it to the public
// surface: a property declared `state: true` or `attribute: false` is no attribute, and the
// generic `emit(type, …)` helpers are no event.

/** Names in a `static properties = { … }` object literal declared as state or attribute-less. */
function hiddenProperties(ts, classNode) {
  const hidden = new Set();
  for (const member of classNode.members ?? []) {
    const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
    if (!isStatic || member.name?.getText() !== 'properties') continue;
    const init = member.initializer;
    if (!init || !ts.isObjectLiteralExpression(init)) continue;
    for (const prop of init.properties) {
      if (!ts.isPropertyAssignment(prop) || !ts.isObjectLiteralExpression(prop.initializer)) continue;
      const text = prop.initializer.getText();
      if (/\bstate:\s*true\b|\battribute:\s*false\b/.test(text)) hidden.add(prop.name.getText());
    }
  }
  return hidden;
}

function publicSurface() {
  return {
    name: 'mm-public-surface',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
      if (!declaration) return;
      const hidden = hiddenProperties(ts, node);
      if (declaration.attributes)
        declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName ?? a.name));
      for (const member of declaration.members ?? [])
        if (hidden.has(member.name) && member.kind === 'field') member.privacy ??= 'private';
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules)
        for (const declaration of module.declarations ?? [])
          if (declaration.events)
            declaration.events = declaration.events.filter((e) => e.name?.startsWith('mm-'));
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/test-support/**', 'src/**/*-entry.ts', 'src/embed.ts'],
  outdir: '.',
  litelement: true,
  plugins: [publicSurface()],
};
