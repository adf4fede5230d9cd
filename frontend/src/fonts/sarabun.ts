// Sarabun, the typeface of Thai government documents (Thai and Latin subsets, regular and bold).
import '@fontsource/sarabun/400.css';
import '@fontsource/sarabun/700.css';
