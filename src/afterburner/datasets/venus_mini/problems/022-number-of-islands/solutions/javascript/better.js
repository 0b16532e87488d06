// better: union-find over land cells with path halving and union by size, O(R*C * alpha)
var numIslands = function(grid) {
    const rows = grid.length, cols = grid[0].length;
    const parent = new Int32Array(rows * cols);
    const size = new Int32Array(rows * cols).fill(1);
    for (let i = 0; i < rows * cols; i++) parent[i] = i;
    const find = x => {
        while (parent[x] !== x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    };
    const union = (x, y) => {
        let a = find(x), b = find(y);
        if (a === b) return 0;
        if (size[a] < size[b]) [a, b] = [b, a];
        parent[b] = a;
        size[a] += size[b];
        return 1;
    };
    let count = 0;
    for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
            if (grid[i][j] !== '1') continue;
            count++;
            const idx = i * cols + j;
            if (i > 0 && grid[i - 1][j] === '1') count -= union(idx, idx - cols);
            if (j > 0 && grid[i][j - 1] === '1') count -= union(idx, idx - 1);
        }
    }
    return count;
};
